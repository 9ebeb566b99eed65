import { describe, expect, it } from 'vitest';
import { parseSheetSearch, sheetHref, sheetUrl } from './sheet-url';

describe('the orientation sheet link', () => {
  it('reads place ids in their order, the language and the large-print option', () => {
    expect(parseSheetSearch('?lieux=b,a,c&lang=en&gros=1', 'fr')).toEqual({
      ids: ['b', 'a', 'c'],
      lang: 'en',
      large: true,
      malformed: [],
      tooMany: null,
    });
  });

  it('falls back to the given language and normal print when the options are missing or wrong', () => {
    const parsed = parseSheetSearch('?lieux=a&lang=de&gros=yes', 'fr');
    expect(parsed.lang).toBe('fr');
    expect(parsed.large).toBe(false);
  });

  it('sets malformed ids aside instead of asking the API for them', () => {
    const parsed = parseSheetSearch('?lieux=a,<b>,,../x,a', 'fr');
    expect(parsed.ids).toEqual(['a']);
    expect(parsed.malformed).toEqual(['<b>', '../x']);
  });

  it('keeps the first six places of a longer link and says how many it held', () => {
    const parsed = parseSheetSearch('?lieux=1,2,3,4,5,6,7,8', 'fr');
    expect(parsed.ids).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(parsed.tooMany).toBe(8);
  });

  it('gives an empty sheet for a link without places', () => {
    expect(parseSheetSearch('', 'en')).toMatchObject({ ids: [], malformed: [], tooMany: null, lang: 'en' });
  });

  it('builds an absolute link that holds only the ids and options, and reads back the same', () => {
    const url = sheetUrl({ ids: ['x:1', 'y-2'], lang: 'fr', large: true }, 'https://example.org');
    expect(url).toBe('https://example.org/fiche?lieux=x:1,y-2&lang=fr&gros=1');
    expect(parseSheetSearch(new URL(url).search, 'en')).toMatchObject({ ids: ['x:1', 'y-2'], lang: 'fr', large: true });
    expect(sheetHref({ ids: ['a'], lang: 'en', large: false })).toBe('/fiche?lieux=a&lang=en');
  });
});
