import { cleanEmail, cleanPhone, cleanWebsite } from '../contacts.ts';
import { readCsv, type Row } from '../csv.ts';
import { cleanText, normalisePostcode } from '../normalise.ts';
import type { SourceResult } from '../source-place.ts';
import { makePlace, networkPlaces, type ImportContext } from './context.ts';

export const FRANCE_TRAVAIL_SOURCE = 'france-travail-2019';
export const REJECT_NO_PUBLIC_DESK = "direction territoriale ou régionale (pas d'accueil du public)";

/**
 * Pôle emploi agencies of 2019 (renamed France Travail in 2024). Only local agencies (ALE) receive
 * the public. The source name ("Pôle emploi TREVOUX") is kept: it is what the 2019 data says.
 */
export const franceTravailPlaces = (rows: Row[], ctx: ImportContext): SourceResult =>
  networkPlaces(
    rows,
    ctx,
    { id: FRANCE_TRAVAIL_SOURCE, precision: 'adresse', rejectReason: (r) => (r.type?.startsWith('ALE') ? null : REJECT_NO_PUBLIC_DESK) },
    (r, def, located) => {
      const ref = r.id!;
      const safir = r.notes?.match(/code_safir=(\w+)/)?.[1];
      const email = cleanEmail(r.email);
      return makePlace(def, located, { ref, lieuId: `ft-${(safir ?? ref.replace(/^pe-/, '')).toLowerCase()}`, nom: r.name! }, {
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
      });
    },
  );

export const readFranceTravail = (ctx: ImportContext): SourceResult =>
  franceTravailPlaces(readCsv('sources/france-travail/agences-pole-emploi-2019.csv'), ctx);
