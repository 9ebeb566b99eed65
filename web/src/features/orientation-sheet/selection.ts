import { useSyncExternalStore } from 'react';

/**
 * The places a helper picked for a patron's orientation sheet: place ids only, in the order they
 * will be printed, kept in sessionStorage so that a reload keeps them and closing the browser
 * forgets them (public computers). Nothing about the patron is ever kept here.
 */
export const MAX_PLACES = 6;

const STORAGE_KEY = 'reperes.fiche';
// Same shape as the ids the API and the map URLs accept.
export const PLACE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export type AddResult = 'added' | 'present' | 'full' | 'invalid';

const listeners = new Set<() => void>();
let snapshot: readonly string[] | null = null;

/** Whatever storage holds (another version's format, a hand edit), only valid distinct ids survive. */
export function sanitizeIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids = value.filter((x): x is string => typeof x === 'string' && PLACE_ID.test(x));
  return [...new Set(ids)].slice(0, MAX_PLACES);
}

// Storage can throw (private mode, quota, disabled storage): the selection then lasts for the page.
function readStorage(): string[] {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? sanitizeIds(JSON.parse(raw)) : [];
  } catch {
    return [];
  }
}

function writeStorage(ids: readonly string[]): void {
  try {
    if (ids.length === 0) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  } catch {
    // See readStorage.
  }
}

export function getSelection(): readonly string[] {
  snapshot ??= readStorage();
  return snapshot;
}

function commit(ids: readonly string[]): void {
  snapshot = ids;
  writeStorage(ids);
  for (const listener of listeners) listener();
}

export function addPlace(id: string): AddResult {
  const ids = getSelection();
  if (!PLACE_ID.test(id)) return 'invalid';
  if (ids.includes(id)) return 'present';
  if (ids.length >= MAX_PLACES) return 'full';
  commit([...ids, id]);
  return 'added';
}

export function removePlace(id: string): void {
  const ids = getSelection();
  if (ids.includes(id)) commit(ids.filter((x) => x !== id));
}

/** Moves a place one step up (-1) or down (+1); nothing happens past either end. */
export function movePlace(id: string, step: -1 | 1): void {
  const ids = [...getSelection()];
  const from = ids.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) return;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  commit(ids);
}

/** The sheet page edits a list that may have come from a shared link. */
export function replaceSelection(ids: readonly string[]): void {
  commit(sanitizeIds(ids));
}

export function clearSelection(): void {
  commit([]);
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useSelection = () => useSyncExternalStore(subscribe, getSelection, getSelection);
