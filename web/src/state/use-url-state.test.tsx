// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useUrlState } from './use-url-state';

afterEach(() => history.replaceState(null, '', '/'));

describe('useUrlState', () => {
  it('writes the state into the address of its own page, pushed or replaced', () => {
    history.replaceState(null, '', '/');
    const { result } = renderHook(() => useUrlState());
    const before = history.length;
    act(() => result.current[1]({ ouvert: 'maintenant' }, 'push'));
    expect(location.pathname + location.search).toBe('/?ouvert=maintenant');
    expect(history.length).toBe(before + 1);
    act(() => result.current[1]({ ouvert: 'samedi' }, 'replace'));
    expect(location.search).toBe('?ouvert=samedi');
    expect(history.length).toBe(before + 1);
  });

  it('leaves alone the address of a page the person went to since (a map settling late)', () => {
    history.replaceState(null, '', '/');
    const { result } = renderHook(() => useUrlState());
    history.pushState(null, '', '/fiche?lieux=a,b');
    act(() => result.current[1]({ zone: [2.3, 48.8, 2.4, 48.9] }, 'replace'));
    expect(location.pathname + location.search).toBe('/fiche?lieux=a,b');
  });
});
