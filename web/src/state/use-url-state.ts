import { useCallback, useEffect, useRef, useState } from 'react';
import { parseUrlState, serializeUrlState, type UrlState } from './url-state';

/**
 * 'push' for what a person would undo with the back button (a filter, opening a place, a jump to
 * a territory); 'replace' for what changes continuously (panning the map) or is a preference.
 */
export type HistoryMode = 'push' | 'replace';

export type UpdateUrlState = (change: Partial<UrlState>, mode: HistoryMode) => void;

export function useUrlState(): [UrlState, UpdateUrlState] {
  const [state, setState] = useState(() => parseUrlState(location.search));
  // History writes must compose with the latest state even when called twice in one event.
  const latest = useRef(state);
  // The state belongs to the page it was read on. A late write (the map settling after a click on
  // a link) must not replace the address of the page the person went to.
  const ownPath = useRef(location.pathname);

  useEffect(() => {
    const onPopState = () => {
      latest.current = parseUrlState(location.search);
      setState(latest.current);
    };
    addEventListener('popstate', onPopState);
    return () => removeEventListener('popstate', onPopState);
  }, []);

  const update = useCallback<UpdateUrlState>((change, mode) => {
    if (location.pathname !== ownPath.current) return;
    const next = { ...latest.current, ...change };
    latest.current = next;
    setState(next);
    const url = location.pathname + serializeUrlState(next);
    if (url === location.pathname + location.search) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }, []);

  return [state, update];
}
