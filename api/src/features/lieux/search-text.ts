/**
 * Text as searches compare it: lowercase, accents and ligatures removed, and every run of
 * punctuation (hyphens, apostrophes, quotes, emoji) turned into one space, so that
 * "Saint-Étienne", "saint etienne" and "SAINT ÉTIENNE" are the same words.
 */
export function foldWords(value: string): string {
  // Decomposing is the costly step; plain ASCII text has nothing to decompose.
  const text = /^[\x20-\x7e]*$/.test(value) ? value : value.normalize('NFD');
  return text
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The abbreviations people type for the saints that start so many French names. */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/**
 * The words of a search, each with the alternatives it may stand for ("st" is also "saint").
 * At most `maxWords` words are kept: longer searches add cost without narrowing anything real.
 */
export function searchWords(value: string, maxWords = 8): { word: string; alternatives: string[] }[] {
  const words = foldWords(value).split(' ').filter(Boolean).slice(0, maxWords);
  return words.map((word) => ({ word, alternatives: ABBREVIATIONS[word] ? [word, ABBREVIATIONS[word]!] : [word] }));
}
