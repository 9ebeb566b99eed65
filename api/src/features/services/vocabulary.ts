import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';

export type Axe = 'numerique' | 'demarches';
export type Service = { id: string; axe: Axe; bit: number; label: string; label_en: string; description: string | null };
export type PlaceType = { id: string; bit: number; code_di: string | null; label: string; label_en: string };
export type Vocabulary = { services: Service[]; types: PlaceType[] };

/** Bit masks of a filter: 0 on an axis means "no constraint on that axis". */
export type FilterMasks = { numerique: number; demarches: number; types: number };

export function loadVocabulary(db: Db): Vocabulary {
  return {
    services: db
      .prepare('SELECT id, axe, bit, label, label_en, description FROM services ORDER BY position')
      .all() as Service[],
    types: db.prepare('SELECT id, bit, code_di, label, label_en FROM types ORDER BY position').all() as PlaceType[],
  };
}

// 2 ** bit rather than 1 << bit: JavaScript shifts are 32-bit and the schema allows bits up to 62.
const bitValue = (bit: number) => 2 ** bit;

/** Turns requested ids into masks; unknown ids are the client's error, listed back to them. */
export function resolveFilter(vocab: Vocabulary, serviceIds: string[] = [], typeIds: string[] = []): FilterMasks {
  const masks: FilterMasks = { numerique: 0, demarches: 0, types: 0 };
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
  return masks;
}

export const hasBit = (mask: number, bit: number) => Math.floor(mask / bitValue(bit)) % 2 === 1;
