import { describe, expect, it } from 'vitest';
import { greatCircleMeters } from './distance.ts';
import { foldWords, searchWords } from './search-text.ts';

describe('great-circle distance', () => {
  it('measures Paris to Marseille as about 660 km and a point to itself as 0', () => {
    expect(greatCircleMeters(48.8566, 2.3522, 43.2965, 5.3698) / 1000).toBeCloseTo(660.5, 0);
    expect(greatCircleMeters(45.43, 4.38, 45.43, 4.38)).toBe(0);
  });

  it('shrinks degrees of longitude towards the poles', () => {
    const atEquator = greatCircleMeters(0, 0, 0, 1);
    const inParis = greatCircleMeters(48.85, 2, 48.85, 3);
    expect(atEquator).toBeCloseTo(111_195, -1);
    expect(inParis / atEquator).toBeCloseTo(Math.cos((48.85 * Math.PI) / 180), 3);
  });
});

describe('search text', () => {
  it('folds accents, case, hyphens and apostrophes into plain words', () => {
    expect(foldWords('Saint-Étienne')).toBe('saint etienne');
    expect(foldWords("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(foldWords('  ŒUVRE  d’Æsop 😀 ')).toBe('oeuvre d aesop');
    expect(foldWords('"*NEAR(')).toBe('near');
  });

  it('reads “st” and “ste” as “saint” and “sainte” as well', () => {
    expect(searchWords('St-Denis ste')).toEqual([
      { word: 'st', alternatives: ['st', 'saint'] },
      { word: 'denis', alternatives: ['denis'] },
      { word: 'ste', alternatives: ['ste', 'sainte'] },
    ]);
    expect(searchWords('strasbourg')[0]!.alternatives).toEqual(['strasbourg']);
  });

  it('keeps at most 8 words of a long search', () => {
    expect(searchWords('a b c d e f g h i j k')).toHaveLength(8);
  });
});
