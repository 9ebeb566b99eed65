import { slugify } from '@reperes/data/normalise.ts';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';

export type Axe = 'numerique' | 'demarches';
export type Service = { id: string; axe: Axe; bit: number; label: string; label_en: string; description: string | null };
export type PlaceType = { id: string; bit: number; code_di: string | null; label: string; label_en: string };
/** A national label (France Services, Aidants Connect…) as written in `lieux.labels`, with its bit in the index. */
export type Label = { id: string; bit: number; label: string; label_en: string };
export type Vocabulary = { services: Service[]; types: PlaceType[]; labels: Label[] };

/** Bit masks of a filter: 0 on an axis means "no constraint on that axis". */
export type FilterMasks = { numerique: number; demarches: number; types: number; labels: number };

/**
 * Labels are 32-bit masks in the index (one word a place); the sources name about a dozen, the
 * rarest beyond 32 would not be filterable.
 */
export const MAX_LABELS = 32;

const LABELS_SQL = `
  SELECT j.value AS label, count(*) AS n FROM lieux, json_each(lieux.labels) j
  WHERE lieux.archived_at IS NULL AND j.type = 'text'
  GROUP BY j.value ORDER BY n DESC, j.value LIMIT ${MAX_LABELS}`;

export const labelId = slugify;

// The labels are the names of national programmes: proper names, kept as they are in English.
const loadLabels = (db: Db): Label[] =>
  (db.prepare(LABELS_SQL).all() as { label: string }[])
    .map((r, bit) => ({ id: labelId(r.label), bit, label: r.label, label_en: r.label }))
    .filter((l) => l.id !== '');

export function loadVocabulary(db: Db): Vocabulary {
  return {
    services: db
      .prepare('SELECT id, axe, bit, label, label_en, description FROM services ORDER BY position')
      .all() as Service[],
    types: db.prepare('SELECT id, bit, code_di, label, label_en FROM types ORDER BY position').all() as PlaceType[],
    labels: loadLabels(db),
  };
}

// 2 ** bit rather than 1 << bit: JavaScript shifts are 32-bit and the schema allows bits up to 62.
const bitValue = (bit: number) => 2 ** bit;

/** Turns requested ids into masks; unknown ids are the client's error, listed back to them. */
export function resolveFilter(
  vocab: Vocabulary, serviceIds: string[] = [], typeIds: string[] = [], labelIds: string[] = [],
): FilterMasks {
  const masks: FilterMasks = { numerique: 0, demarches: 0, types: 0, labels: 0 };
  const unknownServices: string[] = [];
  for (const id of serviceIds) {
    const s = vocab.services.find((v) => v.id === id);
    if (s) masks[s.axe] += hasBit(masks[s.axe], s.bit) ? 0 : bitValue(s.bit);
    else unknownServices.push(id);
  }
  if (unknownServices.length > 0) {
    throw new ApiError(400, 'service_inconnu', { values: unknownServices.slice(0, 5).join(', ').slice(0, 200) });
  }
  const unknownTypes: string[] = [];
  for (const id of typeIds) {
    const t = vocab.types.find((v) => v.id === id);
    if (t) masks.types += hasBit(masks.types, t.bit) ? 0 : bitValue(t.bit);
    else unknownTypes.push(id);
  }
  if (unknownTypes.length > 0) {
    throw new ApiError(400, 'type_inconnu', { values: unknownTypes.slice(0, 5).join(', ').slice(0, 200) });
  }
  const unknownLabels: string[] = [];
  for (const id of labelIds) {
    const l = vocab.labels.find((v) => v.id === id);
    if (l) masks.labels += hasBit(masks.labels, l.bit) ? 0 : bitValue(l.bit);
    else unknownLabels.push(id);
  }
  if (unknownLabels.length > 0) {
    throw new ApiError(400, 'label_inconnu', { values: unknownLabels.slice(0, 5).join(', ').slice(0, 200) });
  }
  return masks;
}

/** The label names a mask stands for, as written in `lieux.labels`. */
export const labelNames = (vocab: Vocabulary, mask: number) =>
  vocab.labels.filter((l) => hasBit(mask, l.bit)).map((l) => l.label);

export const hasBit = (mask: number, bit: number) => Math.floor(mask / bitValue(bit)) % 2 === 1;
