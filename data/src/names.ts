import { foldWords } from './normalise.ts';

export interface NameRule {
  type: string;
  re: RegExp; // global, on foldWords(name)
}

export interface NameAnalysis {
  text: string; // the whole name, folded
  kinds: Set<string>; // structure types the name (or the source) says the place is
  core: Set<string>; // the words that tell this place apart from others of its kind
}

const STOP_WORDS = new Set([
  'a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'pour', 'par', 'sur', 'sous', 'un', 'une',
]);
// Words that qualify a kind without telling two places of that kind apart.
const QUALIFIERS = new Set([
  'municipale', 'municipal', 'municipales', 'intercommunale', 'intercommunal', 'communale', 'communal',
  'departementale', 'departemental', 'publique', 'public', 'ville', 'commune', 'agglomeration', 'communaute',
]);
// Words too common to identify a place on their own ("Espace numérique" ⊂ "Espace numérique Jean Moulin").
const WEAK_WORDS = new Set([
  'espace', 'espaces', 'maison', 'centre', 'point', 'pole', 'accueil', 'antenne', 'site', 'permanence', 'service',
  'services', 'numerique', 'numeriques', 'conseiller', 'conseillers', 'social', 'sociale', 'jeunes', 'jeunesse',
  'association', 'atelier', 'ateliers', 'bureau', 'local', 'locale', 'relais', 'agence', 'lieu', 'salle', 'quartier',
]);

const WEAK_KIND = 'mediation-numerique';

const canonicalWord = (w: string): string => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w);
const canonicalText = (value: string): string => foldWords(value).split(' ').map(canonicalWord).join(' ');

/** The name without the commune's name in it: "Bibliothèque d'Arnac-la-Poste" is no post office. */
function withoutCommune(nom: string, commune: string | null): string {
  const text = canonicalText(nom);
  const phrase = commune ? canonicalText(commune) : '';
  if (!phrase) return text;
  return ` ${text} `.split(` ${phrase} `).join('  ').trim();
}

/** Structure types a name announces ("Médiathèque de Bresles" → bibliotheque). */
export function typesFromName(nom: string, commune: string | null, rules: NameRule[]): string[] {
  const text = withoutCommune(nom, commune);
  const found: string[] = [];
  for (const rule of rules) if (text.replace(rule.re, ' ') !== text && !found.includes(rule.type)) found.push(rule.type);
  return found;
}

/**
 * Splits a name into what kind of place it is and what identifies it. The commune's own words are
 * left out of the identifying part: "France services de Saint-Trivier-de-Courtes" and "Maison France
 * Services" in that commune are both a France Services with no other distinguishing word.
 */
export function analyseName(nom: string, commune: string | null, knownTypes: string[], rules: NameRule[]): NameAnalysis {
  const whole = foldWords(nom);
  let text = withoutCommune(nom, commune);
  // Some datasets type every row "espace public numérique": that says nothing about which place
  // a row is, unlike a name that says so.
  const kinds = new Set(knownTypes.filter((t) => t !== WEAK_KIND));
  for (const rule of rules) {
    const rest = text.replace(rule.re, ' ');
    if (rest !== text) kinds.add(rule.type);
    text = rest;
  }
  const communeWords = new Set(canonicalText(commune ?? '').split(' '));
  const core = new Set(
    text.split(' ').filter((w) => w !== '' && !STOP_WORDS.has(w) && !QUALIFIERS.has(w) && !communeWords.has(w)),
  );
  return { text: whole, kinds, core };
}

/**
 * How well two names designate the same place, strongest first:
 * - same: the same identifying words ("Médiathèque Madeleine Odent" / "Médiathèque M. Odent" is not);
 * - generic: no identifying word on either side, same kind ("Bibliothèque municipale" / "Médiathèque");
 * - subset: one's identifying words are among the other's, and distinctive enough;
 * - kind: same kind, only one side has identifying words.
 * Names of different kinds never match ("Mairie de Bury" / "Bibliothèque de Bury").
 */
export type NameMatch = 'same' | 'generic' | 'subset' | 'kind';

export const shareKind = (a: NameAnalysis, b: NameAnalysis): boolean => [...a.kinds].some((k) => b.kinds.has(k));

export function compareNames(a: NameAnalysis, b: NameAnalysis): NameMatch | null {
  // The very same name ("TOULOUGES", "Saint Palais sur Mer"), even when it says nothing but the commune.
  if (a.text !== '' && a.text === b.text) return 'same';
  const sharedKind = shareKind(a, b);
  if (!sharedKind && a.kinds.size > 0 && b.kinds.size > 0) return null;
  const [small, large] = a.core.size <= b.core.size ? [a.core, b.core] : [b.core, a.core];
  if (small.size === 0) {
    if (!sharedKind) return null;
    return large.size === 0 ? 'generic' : 'kind';
  }
  for (const w of small) if (!large.has(w)) return null;
  if (small.size === large.size) return 'same';
  // "Oise" ⊂ "Syndicat mixte Oise Très Haut Débit": one shared word is no evidence unless the
  // kinds agree too, or the shared part is itself a name of two distinctive words or more.
  const distinctive = [...small].filter((w) => w.length >= 4 && !WEAK_WORDS.has(w)).length;
  return distinctive >= 2 || (distinctive >= 1 && sharedKind) ? 'subset' : null;
}
