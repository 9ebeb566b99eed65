/** Lowercase, accents and ligatures removed, typographic apostrophes made plain. */
export function fold(value: string): string {
  // Most values are plain ASCII; NFD normalisation is the costly part of this hot function.
  if (/^[\x20-\x7e]*$/.test(value)) return value.toLowerCase().replace(/`/g, "'");
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[’‘`´ʼ]/g, "'");
}

const foldedWords = new Map<string, string>();
/** The import folds the same names and communes again and again; a server folds whatever people type: bounded. */
const MAX_MEMO = 100_000;

/**
 * Text as searches and comparisons read it: lowercase, accents and ligatures removed, every run of
 * punctuation (hyphens, apostrophes, quotes, emoji) one space, so that "Saint-Étienne",
 * "saint etienne" and "SAINT ÉTIENNE" are the same words.
 */
export function foldWords(value: string): string {
  let words = foldedWords.get(value);
  if (words === undefined) {
    words = fold(value).replace(/[^a-z0-9]+/g, ' ').trim();
    if (foldedWords.size >= MAX_MEMO) foldedWords.clear();
    foldedWords.set(value, words);
  }
  return words;
}

/** "Point d'accès numérique CAF" → "point-d-acces-numerique-caf": a stable, URL-safe id. */
export const slugify = (value: string): string => foldWords(value).replace(/ /g, '-');

// What Windows-1252 puts at 0x80–0x9F, where Latin-1 (and so a wrongly decoded file) has C1
// controls: the LMN export carries U+0092 for ’ (about a thousand times). Unassigned bytes map to ''.
const CP1252_C1 = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;
// eslint-disable-next-line no-control-regex
const HAS_UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;

/**
 * Text as it was meant: C1 controls turned into the Windows-1252 character they stand for
 * (U+0092 → ’), and what no reader can see removed (other control characters, U+FFFD, the mark
 * of a character already lost). Tabs and line breaks stay: they separate cells and lines.
 */
export function repairText(value: string): string {
  if (!HAS_UNWANTED.test(value)) return value;
  return value.replace(UNWANTED, (ch) => {
    const code = ch.charCodeAt(0);
    const intended = code >= 0x80 && code <= 0x9f ? CP1252_C1[code - 0x80]! : '';
    return intended === '\u0000' ? '' : intended;
  });
}

/** Trimmed text with runs of whitespace collapsed, or null when nothing is left. */
export function cleanText(value: string | undefined | null): string | null {
  if (value == null) return null;
  const v = value.replace(/\s+/g, ' ').trim();
  return v === '' ? null : v;
}

/**
 * Five-digit postcode; spreadsheets drop the leading zero of 01000–09999, so four digits are padded.
 * No postcode starts with 00: the libraries' file writes "00000" for "unknown" (133 places lost
 * their commune to it, the INSEE code being refused as of another département).
 */
export function normalisePostcode(value: string | undefined | null): string | null {
  const digits = (value ?? '').replace(/\s+/g, '');
  const five = /^\d{5}$/.test(digits) ? digits : /^\d{4}$/.test(digits) ? `0${digits}` : null;
  return five === null || five.startsWith('00') ? null : five;
}

const STREET_WORDS: Record<string, string> = {
  av: 'avenue', ave: 'avenue', bd: 'boulevard', bld: 'boulevard', blvd: 'boulevard', pl: 'place', r: 'rue',
  ch: 'chemin', che: 'chemin', chem: 'chemin', rte: 'route', imp: 'impasse', all: 'allee', fg: 'faubourg',
  faub: 'faubourg', sq: 'square', crs: 'cours', qu: 'quai', res: 'residence', st: 'saint', ste: 'sainte',
  pt: 'petit', gd: 'grand', gde: 'grande', prom: 'promenade', esp: 'esplanade',
};

/**
 * "number street|postcode" for comparing addresses across sources, or null when the address has no
 * house number: "place de la Mairie" alone names too many buildings to identify one.
 * Annuaire addresses put the building first ("Pôle seniors - 5 rue des Papetiers"), so the first
 * dash-separated part that starts with a number is used.
 */
export function addressKey(adresse: string | null, codePostal: string | null): string | null {
  if (!adresse || !codePostal) return null;
  const parts = adresse.split(/\s+-\s+|,/).map((p) => foldWords(p));
  const withNumber = parts.find((p) => /^\d+/.test(p));
  if (!withNumber) return null;
  const words = withNumber
    .replace(/^(\d+)\s*(bis|ter|quater|[a-d])\b/, '$1')
    .split(' ')
    .map((w) => STREET_WORDS[w] ?? w)
    .filter((w) => !['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd'].includes(w));
  if (words.length < 2) return null;
  return `${words.join(' ')}|${codePostal}`;
}

/** The house numbers an address starts with ("5-9 rue des Papetiers" → 5, 9), for telling buildings apart. */
export function houseNumbers(adresse: string | null): Set<string> {
  const part = (adresse ?? '').split(/\s+-\s+|,/).map((p) => foldWords(p)).find((p) => /^\d+/.test(p));
  return new Set(part?.match(/^(\d+\s*)+/)?.[0].trim().split(/\s+/) ?? []);
}

/** Comparable commune name: "ST QUENTIN" = "Saint-Quentin", "MARSEILLE 11" = "Marseille 11e Arrondissement". */
export function communeKey(name: string): string {
  return foldWords(name)
    .replace(/\bcedex\b.*$/, '')
    .replace(/\b(\d+)\s*(?:e|er|eme)?\s+arrondissement\b/, '$1')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\s+/g, ' ')
    .trim();
}
