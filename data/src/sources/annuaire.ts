import { cleanEmail, cleanPhone, cleanWebsite } from '../contacts.ts';
import { readCsv, type Row } from '../csv.ts';
import { cleanText, normalisePostcode } from '../normalise.ts';
import type { SourceResult } from '../source-place.ts';
import { compactDetails, makePlace, networkPlaces, type ImportContext } from './context.ts';

export const ANNUAIRE_SOURCE = 'annuaire-2019';

/**
 * Local offices of the service-public.fr directory (2019), for the networks kept in
 * mappings/annuaire-reseaux.csv. The directory export has no building coordinates: every point is
 * the commune centre, shown as approximate.
 */
export function annuairePlaces(rows: Row[], ctx: ImportContext): SourceResult {
  const kept = (r: Row) => {
    const network = ctx.vocab.annuaireNetworks.get(r.network ?? '');
    return network?.keep && network.type ? network.type : null;
  };
  const rejectReason = (r: Row) => {
    if (kept(r)) return null;
    const network = ctx.vocab.annuaireNetworks.get(r.network ?? '');
    return network ? `réseau écarté (${r.network}) : ${network.reason}` : `réseau inconnu (${r.network})`;
  };
  return networkPlaces(rows, ctx, { id: ANNUAIRE_SOURCE, precision: 'commune', rejectReason }, (r, def, located) => {
    const ref = r.id!;
    const email = cleanEmail(r.email);
    const phone = cleanPhone(r.phone);
    return makePlace(def, located, { ref, lieuId: `asp-${ref.replace(/_/g, '-')}`, nom: r.name! }, {
      distinctRows: true,
      adresse: cleanText(r.address),
      complementAdresse: cleanText(r.address_complement),
      codePostal: normalisePostcode(r.postcode),
      commune: located.commune?.nom ?? cleanText(r.commune),
      telephone: phone.telephone,
      courriel: email.courriel,
      emailsDropped: email.dropped,
      siteWeb: cleanWebsite(r.website),
      types: [kept(r)!],
      details: compactDetails({ telephone_info: phone.info }),
    });
  });
}

export const readAnnuaire = (ctx: ImportContext): SourceResult =>
  annuairePlaces(readCsv('sources/annuaire-service-public/annuaire-2019-reseaux-sociaux-emploi-droit.csv.gz'), ctx);
