import { foldWords } from './normalise.ts';
import type { Vocabulary } from './vocabulary.ts';

// Separators some sources use inside their service lists, on top of the common ones
// (reference/README.md § 1, "Tokenising").
const EXTRA_SEPARATORS: Record<string, RegExp> = {
  'gironde-raw-2024-03': / \/ /,
  'le-havre-2024': /\//,
  'corse-raw-2023-07': /,\s+(?![^()]*\))/,
};

/** The labels of a `services` cell: split on ";", the leftover JSON quoting ('","', '",'), "|" and newlines. */
export function tokeniseServices(raw: string, dataset: string): string[] {
  const extra = EXTRA_SEPARATORS[dataset];
  return raw
    .split(/;|",|,"|\||\r?\n/)
    .flatMap((t) => (extra ? t.split(extra) : [t]))
    .map((t) => t.replace(/^[\s"{}[\]]+|[\s"{}[\]]+$/g, ''))
    .filter(Boolean);
}

export interface MappedServices {
  services: string[]; // numérique and démarches ids
  unmapped: string[]; // labels no rule knows
}

/**
 * Old (v0) and new (v1) labels of a row → v1 services and démarches domains. A label is looked up
 * in the reviewed table first (accents, case and apostrophes do not matter: "Comprehension du monde
 * numérique" is "Compréhension…"); labels glued together or cut short are searched for the v0/v1
 * labels they contain, as ANCT's mednum-cli does; raw form answers fall back to keywords.
 */
export function mapServices(raw: string, dataset: string, vocab: Vocabulary): MappedServices {
  const services = new Set<string>();
  const unmapped: string[] = [];
  for (const token of tokeniseServices(raw, dataset)) {
    const key = foldWords(token);
    if (!key) continue;
    const known = vocab.lmnServiceLabels.get(key);
    if (known) {
      for (const id of [...known.services, ...known.demarches]) services.add(id);
      continue;
    }
    const contained = vocab.lmnCanonicalLabels.filter((c) => key.includes(c.key));
    const keywords = contained.length ? [] : vocab.lmnServiceKeywords.filter((k) => k.re.test(key));
    const found = [...contained, ...keywords].flatMap((c) => c.services);
    if (found.length === 0) unmapped.push(token);
    for (const id of found) services.add(id);
  }
  return { services: [...services], unmapped };
}
