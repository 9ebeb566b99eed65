import { foldWords } from '@reperes/data/normalise.ts';

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
