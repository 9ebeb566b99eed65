import { readCsv, type Row } from '../csv.ts';
import { locate } from '../locate.ts';
import { cleanText } from '../normalise.ts';
import { countRead, type SourceResult } from '../source-place.ts';
import { makePlace, sourceDef, type ImportContext } from './context.ts';
import { franceServicesLieuId } from './france-services.ts';
import { lmnLieuId } from './mediation-numerique.ts';

export const PIMMS_SOURCE = 'pimms-2024';
export const REJECT_UNKNOWN_TARGET = 'identifiant sans ligne France Services ni LMN correspondante';

/**
 * The PIMMS file is derived from the France Services and LMN files: each row names the row it
 * comes from ("fs-62", "lmn:<uid>"). It adds no place, only the PIMMS type to those rows' places.
 */
export function pimmsPlaces(rows: Row[], ctx: ImportContext): SourceResult {
  const def = sourceDef(ctx, PIMMS_SOURCE);
  const result: SourceResult = { read: new Map(), places: [], rejects: [] };
  for (const r of rows) {
    const ref = r.id!;
    countRead(result.read, def.id);
    const target = ref.startsWith('fs-')
      ? franceServicesLieuId(ref.slice(3))
      : ref.startsWith('lmn:')
        ? lmnLieuId(ref.slice(4))
        : null;
    if (!target) {
      result.rejects.push({ source: def.id, ref, reason: REJECT_UNKNOWN_TARGET });
      continue;
    }
    const located = locate(ctx.communes, {
      lat: r.latitude,
      lon: r.longitude,
      codeInsee: r.insee_code,
      codePostal: r.postcode,
      commune: r.commune,
      precision: 'adresse',
      territoire: def.territoire,
    });
    if (!located.ok) {
      result.rejects.push({ source: def.id, ref, reason: located.reason });
      continue;
    }
    result.places.push(
      makePlace(def, located, { ref, lieuId: `pimms-${ref.replace(/[^a-z0-9-]+/gi, '-')}`, nom: r.name! }, {
        commune: located.commune?.nom ?? cleanText(r.commune),
        types: ['pimms'],
        sameAs: target,
        // Derived from the other files: it dates nothing by itself.
        dateMaj: null,
      }),
    );
  }
  return result;
}

export const readPimms = (ctx: ImportContext): SourceResult => pimmsPlaces(readCsv('sources/pimms/pimms-derived.csv'), ctx);
