import { cleanEmail, cleanPhone, cleanWebsite } from '../contacts.ts';
import { readCsv, type Row } from '../csv.ts';
import { locate } from '../locate.ts';
import { cleanText, normalisePostcode } from '../normalise.ts';
import { countRead, type SourceResult } from '../source-place.ts';
import { compactDetails, makePlace, sourceDef, type ImportContext } from './context.ts';

export const ANNUAIRE_SOURCE = 'annuaire-2019';

/**
 * Local offices of the service-public.fr directory (2019), for the networks kept in
 * mappings/annuaire-reseaux.csv. The directory export has no building coordinates: every point is
 * the commune centre, shown as approximate.
 */
export function annuairePlaces(rows: Row[], ctx: ImportContext): SourceResult {
  const def = sourceDef(ctx, ANNUAIRE_SOURCE);
  const result: SourceResult = { read: new Map(), places: [], rejects: [] };
  for (const r of rows) {
    const ref = r.id!;
    countRead(result.read, def.id);
    const network = ctx.vocab.annuaireNetworks.get(r.network ?? '');
    if (!network || !network.keep || !network.type) {
      const reason = network ? `réseau écarté (${r.network}) : ${network.reason}` : `réseau inconnu (${r.network})`;
      result.rejects.push({ source: def.id, ref, reason });
      continue;
    }
    const located = locate(ctx.communes, {
      lat: r.latitude,
      lon: r.longitude,
      codeInsee: r.insee_code,
      codePostal: r.postcode,
      commune: r.commune,
      precision: 'commune',
      territoire: def.territoire,
    });
    if (!located.ok) {
      result.rejects.push({ source: def.id, ref, reason: located.reason });
      continue;
    }
    const email = cleanEmail(r.email);
    const phone = cleanPhone(r.phone);
    result.places.push(
      makePlace(def, located, { ref, lieuId: `asp-${ref.replace(/_/g, '-')}`, nom: r.name! }, {
        distinctRows: true,
        adresse: cleanText(r.address),
        complementAdresse: cleanText(r.address_complement),
        codePostal: normalisePostcode(r.postcode),
        commune: located.commune?.nom ?? cleanText(r.commune),
        telephone: phone.telephone,
        courriel: email.courriel,
        emailsDropped: email.dropped,
        siteWeb: cleanWebsite(r.website),
        types: [network.type],
        details: compactDetails({ telephone_info: phone.info }),
      }),
    );
  }
  return result;
}

export const readAnnuaire = (ctx: ImportContext): SourceResult =>
  annuairePlaces(readCsv('sources/annuaire-service-public/annuaire-2019-reseaux-sociaux-emploi-droit.csv.gz'), ctx);
