// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';

const KEY = 'reperes.fiche';

// A fresh module per test: its in-memory copy starts empty, as after a page reload.
const load = async () => {
  vi.resetModules();
  return import('./selection');
};

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('the orientation sheet selection', () => {
  it('keeps places in the order they were added, once each', async () => {
    const s = await load();
    expect(s.addPlace('a')).toBe('added');
    expect(s.addPlace('b')).toBe('added');
    expect(s.addPlace('a')).toBe('present');
    expect(s.getSelection()).toEqual(['a', 'b']);
  });

  it('refuses a seventh place and says the sheet is full', async () => {
    const s = await load();
    for (const id of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']) expect(s.addPlace(id)).toBe('added');
    expect(s.addPlace('p7')).toBe('full');
    expect(s.getSelection()).toHaveLength(s.MAX_PLACES);
    expect(s.getSelection()).not.toContain('p7');
  });

  it('moves a place up and down, and does nothing past either end', async () => {
    const s = await load();
    ['a', 'b', 'c'].forEach((id) => s.addPlace(id));
    s.movePlace('c', -1);
    expect(s.getSelection()).toEqual(['a', 'c', 'b']);
    s.movePlace('a', 1);
    expect(s.getSelection()).toEqual(['c', 'a', 'b']);
    s.movePlace('c', -1);
    s.movePlace('b', 1);
    s.movePlace('unknown', 1);
    expect(s.getSelection()).toEqual(['c', 'a', 'b']);
  });

  it('removes one place, or clears them all and leaves nothing in storage', async () => {
    const s = await load();
    ['a', 'b', 'c'].forEach((id) => s.addPlace(id));
    s.removePlace('b');
    expect(s.getSelection()).toEqual(['a', 'c']);
    s.clearSelection();
    expect(s.getSelection()).toEqual([]);
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('survives a reload through sessionStorage, and never uses localStorage', async () => {
    const first = await load();
    first.addPlace('a');
    first.addPlace('b');
    first.movePlace('b', -1);
    const afterReload = await load();
    expect(afterReload.getSelection()).toEqual(['b', 'a']);
    expect(localStorage.length).toBe(0);
  });

  it.each([
    ['not JSON', '{oops'],
    ['an object', '{"a":1}'],
    ['a number', '42'],
    ['null', 'null'],
  ])('starts empty when storage holds %s', async (_, raw) => {
    sessionStorage.setItem(KEY, raw);
    const s = await load();
    expect(s.getSelection()).toEqual([]);
    expect(s.addPlace('a')).toBe('added');
  });

  it('keeps only valid distinct ids, at most six, from a tampered storage', async () => {
    sessionStorage.setItem(KEY, JSON.stringify(['a', 3, 'a', '<script>', null, 'b', 'c', 'd', 'e', 'f', 'g']));
    const s = await load();
    expect(s.getSelection()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('refuses an id that is not a place id', async () => {
    const s = await load();
    expect(s.addPlace('../../etc')).toBe('invalid');
    expect(s.getSelection()).toEqual([]);
  });

  it('keeps working for the page when storage throws', async () => {
    const s = await load();
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    try {
      expect(s.addPlace('a')).toBe('added');
      expect(s.getSelection()).toEqual(['a']);
    } finally {
      spy.mockRestore();
    }
  });

  it('tells subscribers about every change, with a new snapshot each time', async () => {
    const s = await load();
    const seen: (readonly string[])[] = [];
    const unsubscribe = s.subscribe(() => seen.push(s.getSelection()));
    s.addPlace('a');
    s.addPlace('b');
    s.clearSelection();
    unsubscribe();
    s.addPlace('c');
    expect(seen).toEqual([['a'], ['a', 'b'], []]);
  });
});
