import { readCsv, type Row } from '../csv.ts';
import { cleanText } from '../normalise.ts';
import type { SourceResult } from '../source-place.ts';
import { makePlace, networkPlaces, type ImportContext } from './context.ts';
import { franceServicesLieuId } from './france-services.ts';
import { lmnLieuId } from './mediation-numerique.ts';

export const PIMMS_SOURCE = 'pimms-2024';
export const REJECT_UNKNOWN_TARGET = 'identifiant sans ligne France Services ni LMN correspondante';

/** The France Services or LMN place a PIMMS row comes from ("fs-62", "lmn:<uid>"). */
const targetOf = (ref: string) =>
  ref.startsWith('fs-') ? franceServicesLieuId(ref.slice(3)) : ref.startsWith('lmn:') ? lmnLieuId(ref.slice(4)) : null;

/**
 * The PIMMS file is derived from the France Services and LMN files: each row names the row it
 * comes from. It adds no place, only the PIMMS type to those rows' places.
 */
export const pimmsPlaces = (rows: Row[], ctx: ImportContext): SourceResult =>
  networkPlaces(
    rows,
    ctx,
    { id: PIMMS_SOURCE, precision: 'adresse', rejectReason: (r) => (targetOf(r.id!) ? null : REJECT_UNKNOWN_TARGET) },
    (r, def, located) => {
      const ref = r.id!;
      return makePlace(def, located, { ref, lieuId: `pimms-${ref.replace(/[^a-z0-9-]+/gi, '-')}`, nom: r.name! }, {
        commune: located.commune?.nom ?? cleanText(r.commune),
        types: ['pimms'],
        sameAs: targetOf(ref),
        // Derived from the other files: it dates nothing by itself.
        dateMaj: null,
      });
    },
  );

export const readPimms = (ctx: ImportContext): SourceResult => pimmsPlaces(readCsv('sources/pimms/pimms-derived.csv'), ctx);
