import type { Commune } from '../../lib/api';

/**
 * What the search field asks and when, shared by the app's search and the page's early script
 * (early-search.ts), which must send exactly the same requests.
 */

/** Wait for a pause in typing: on a weak connection each keystroke must not cost a request. */
export const DEBOUNCE_MS = 250;
const MIN_LENGTH = 2;

/** Letters or digits: "--" or "🙂" alone would only ask the API for nothing. */
export const searchable = (q: string) => (q.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_LENGTH;

const SAINTS: Record<string, string> = { st: 'saint', ste: 'sainte' };

/** "St-Étienne", "saint etienne" and "SAINT ÉTIENNE" read the same. */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => SAINTS[word] ?? word)
    .join(' ');

/**
 * The person typed a commune's whole name ("Bobigny", "st etienne") and it is the first
 * suggestion: choosing it is what nearly always comes next, so its places may be asked for
 * before the choice, unless the device asks to save data.
 */
export function likelyChoice(text: string, communes: readonly Commune[]): Commune | null {
  const first = communes[0];
  if (!first || folded(text) !== folded(first.nom)) return null;
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData ? null : first;
}
