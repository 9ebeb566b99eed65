import { describe, expect, it } from 'vitest';
import { cleanPhone } from '../contacts.ts';
import { toInternational } from './phone.ts';

describe('a phone number written for the LMN schema', () => {
  it.each([
    ['01 23 45 67 89', '+33123456789'],
    ['02 62 12 34 56', '+262262123456'],
    ['06 90 12 34 56', '+590690123456'],
    ['05 94 12 34 56', '+594594123456'],
  ])('%s becomes %s, and reads back as the same national number', (national, international) => {
    expect(toInternational(national)).toBe(international);
    expect(cleanPhone(international).telephone).toBe(national);
  });

  it('is left out when the place has several numbers or a short one', () => {
    expect(toInternational('01 23 45 67 89 / 01 23 45 67 80')).toBeNull();
    expect(toInternational('3939')).toBeNull();
  });
});
