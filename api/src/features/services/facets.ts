import { hasBit, type FilterMasks, type Vocabulary } from './vocabulary.ts';

type Combo = { servicesMask: number; typesMask: number; labelsMask: number; n: number };

const matches = (mask: number, filter: number) => filter === 0 || hasAnyBit(mask, filter);

function hasAnyBit(mask: number, filter: number): boolean {
  // Masks can exceed 32 bits, so test bit by bit instead of using `&`.
  for (let bit = 0; bit < 63 && 2 ** bit <= filter; bit++) {
    if (hasBit(filter, bit) && hasBit(mask, bit)) return true;
  }
  return false;
}

/**
 * Faceted counts: each box shows how many places in view offer it while honouring the filters of
 * the *other* axes, so ticking it yields (within an axis, choices add up) what its count promised.
 */
export function countFacets(vocab: Vocabulary, combos: Combo[], masks: FilterMasks) {
  const passes = (c: Combo, except: keyof FilterMasks) =>
    (except === 'numerique' || matches(c.servicesMask, masks.numerique)) &&
    (except === 'demarches' || matches(c.servicesMask, masks.demarches)) &&
    (except === 'types' || matches(c.typesMask, masks.types)) &&
    (except === 'labels' || matches(c.labelsMask, masks.labels));

  const serviceEntries = (axe: 'numerique' | 'demarches') =>
    vocab.services
      .filter((s) => s.axe === axe)
      .map((s) => ({
        id: s.id,
        label: s.label,
        label_en: s.label_en,
        description: s.description,
        count: combos.reduce((sum, c) => sum + (passes(c, axe) && hasBit(c.servicesMask, s.bit) ? c.n : 0), 0),
      }));

  return {
    numerique: serviceEntries('numerique'),
    demarches: serviceEntries('demarches'),
    types: vocab.types.map((t) => ({
      id: t.id,
      label: t.label,
      label_en: t.label_en,
      count: combos.reduce((sum, c) => sum + (passes(c, 'types') && hasBit(c.typesMask, t.bit) ? c.n : 0), 0),
    })),
    labels: vocab.labels.map((l) => ({
      id: l.id,
      label: l.label,
      label_en: l.label_en,
      count: combos.reduce((sum, c) => sum + (passes(c, 'labels') && hasBit(c.labelsMask, l.bit) ? c.n : 0), 0),
    })),
  };
}
