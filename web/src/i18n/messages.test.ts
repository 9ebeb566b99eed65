import { describe, expect, it } from 'vitest';
import en from './en';
import fr from './fr';

type Tree = Record<string, unknown>;

/** Every leaf as "path: kind", where kind is "string" or "function/<arity>". */
function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix + key;
    if (typeof value === 'function') return [`${path}: function/${value.length}`];
    if (value && typeof value === 'object') return leaves(value as Tree, path + '.');
    return [`${path}: ${typeof value}`];
  });
}

describe('the English messages', () => {
  it('have exactly the keys, kinds and arities of the French ones', () => {
    expect(leaves(en).sort()).toEqual(leaves(fr).sort());
  });

  it('leave no string empty, in either language', () => {
    const empty = (tree: Tree, lang: string) =>
      Object.entries(tree).flatMap(([key, v]): string[] =>
        typeof v === 'string' ? (v.trim() ? [] : [`${lang}.${key}`]) : v && typeof v === 'object' ? empty(v as Tree, `${lang}.${key}`) : [],
      );
    expect([...empty(fr, 'fr'), ...empty(en, 'en')]).toEqual([]);
  });

  it('are really translated where the words differ', () => {
    expect(en.skipToList).not.toBe(fr.skipToList);
    expect(en.placesInArea(3)).not.toBe(fr.placesInArea(3));
    expect(en.mapLabels['Map.Title']).toBe('Map of places');
    expect(fr.mapLabels['Map.Title']).toBe('Carte des lieux');
  });
});
