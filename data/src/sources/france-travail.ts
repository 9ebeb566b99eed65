import { cleanEmail, cleanPhone, cleanWebsite } from '../contacts.ts';
import { readCsv, type Row } from '../csv.ts';
import { locate } from '../locate.ts';
import { cleanText, normalisePostcode } from '../normalise.ts';
import { countRead, type SourceResult } from '../source-place.ts';
import { makePlace, sourceDef, type ImportContext } from './context.ts';

export const FRANCE_TRAVAIL_SOURCE = 'france-travail-2019';
export const REJECT_NO_PUBLIC_DESK = "direction territoriale ou régionale (pas d'accueil du public)";

/**
 * Pôle emploi agencies of 2019 (renamed France Travail in 2024). Only local agencies (ALE) receive
 * the public. The source name ("Pôle emploi TREVOUX") is kept: it is what the 2019 data says.
 */
export function franceTravailPlaces(rows: Row[], ctx: ImportContext): SourceResult {
  const def = sourceDef(ctx, FRANCE_TRAVAIL_SOURCE);
  const result: SourceResult = { read: new Map(), places: [], rejects: [] };
  for (const r of rows) {
    const ref = r.id!;
    countRead(result.read, def.id);
    if (!r.type?.startsWith('ALE')) {
      result.rejects.push({ source: def.id, ref, reason: REJECT_NO_PUBLIC_DESK });
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
    const safir = r.notes?.match(/code_safir=(\w+)/)?.[1];
    const email = cleanEmail(r.email);
    result.places.push(
      makePlace(def, located, { ref, lieuId: `ft-${(safir ?? ref.replace(/^pe-/, '')).toLowerCase()}`, nom: r.name! }, {
        distinctRows: true,
        adresse: cleanText(r.address),
        complementAdresse: cleanText(r.address_complement),
        codePostal: normalisePostcode(r.postcode),
        commune: located.commune?.nom ?? cleanText(r.commune),
        telephone: cleanPhone(r.phone).telephone,
        courriel: email.courriel,
        emailsDropped: email.dropped,
        siteWeb: cleanWebsite(r.website),
        types: ['france-travail'],
        labels: ['France Travail'],
      }),
    );
  }
  return result;
}

export const readFranceTravail = (ctx: ImportContext): SourceResult =>
  franceTravailPlaces(readCsv('sources/france-travail/agences-pole-emploi-2019.csv'), ctx);
