import { describe, expect, it } from 'vitest';
import en from './en';
import fr from './fr';

type Arbre = Record<string, unknown>;

/** Every leaf as "path: kind", where kind is "string" or "function/<arity>". */
function feuilles(arbre: Arbre, prefixe = ''): string[] {
  return Object.entries(arbre).flatMap(([cle, valeur]) => {
    const chemin = prefixe + cle;
    if (typeof valeur === 'function') return [`${chemin}: function/${valeur.length}`];
    if (valeur && typeof valeur === 'object') return feuilles(valeur as Arbre, chemin + '.');
    return [`${chemin}: ${typeof valeur}`];
  });
}

describe('the English messages', () => {
  it('have exactly the keys, kinds and arities of the French ones', () => {
    expect(feuilles(en).sort()).toEqual(feuilles(fr).sort());
  });

  it('leave no string empty, in either language', () => {
    const vides = (arbre: Arbre, lang: string) =>
      Object.entries(arbre).flatMap(([cle, v]): string[] =>
        typeof v === 'string' ? (v.trim() ? [] : [`${lang}.${cle}`]) : v && typeof v === 'object' ? vides(v as Arbre, `${lang}.${cle}`) : [],
      );
    expect([...vides(fr, 'fr'), ...vides(en, 'en')]).toEqual([]);
  });

  it('are really translated where the words differ', () => {
    expect(en.allerListe).not.toBe(fr.allerListe);
    expect(en.lieuxDansZone(3)).not.toBe(fr.lieuxDansZone(3));
    expect(en.carteLibelles['Map.Title']).toBe('Map of places');
    expect(fr.carteLibelles['Map.Title']).toBe('Carte des lieux');
  });
});
