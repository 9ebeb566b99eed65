import { cleanEmail, cleanPhone } from '../contacts.ts';
import { readCsv, type Row } from '../csv.ts';
import { franceServicesHours } from '../hours.ts';
import { locate } from '../locate.ts';
import { cleanText, normalisePostcode } from '../normalise.ts';
import { countRead, type SourceResult } from '../source-place.ts';
import { compactDetails, makePlace, sourceDef, type ImportContext } from './context.ts';

export const FRANCE_SERVICES_SOURCE = 'france-services-2024-08-01';

const FORMATS: Record<string, string> = {
  Fixe: 'Fixe',
  Multisites: 'Multisites',
  'Fixe_antenne(s)': 'Fixe avec antenne(s)',
  Bus_équivalent: 'Bus',
  Itinérante: 'Itinérante',
};

export const franceServicesLieuId = (idFs: string): string => `fs-${idFs}`;

/** France Services of the ANCT list: the only source that makes a place a France Services. */
export function franceServicesPlaces(rows: Row[], ctx: ImportContext): SourceResult {
  const def = sourceDef(ctx, FRANCE_SERVICES_SOURCE);
  const result: SourceResult = { read: new Map(), places: [], rejects: [] };
  for (const r of rows) {
    const ref = r.id_fs!;
    countRead(result.read, def.id);
    const located = locate(ctx.communes, {
      lat: r.latitude,
      lon: r.longitude,
      codeInsee: r.insee_com,
      codePostal: r.code_postal,
      commune: r.lib_com,
      precision: 'adresse',
      territoire: def.territoire,
    });
    if (!located.ok) {
      result.rejects.push({ source: def.id, ref, reason: located.reason });
      continue;
    }
    const email = cleanEmail(r.mail);
    const phone = cleanPhone(r.telephone);
    const hours = franceServicesHours(r);
    const format = r.format_fs ?? '';
    result.places.push(
      makePlace(def, located, { ref, lieuId: franceServicesLieuId(ref), nom: r.lib_fs! }, {
        distinctRows: true,
        adresse: cleanText(r.adresse),
        complementAdresse: cleanText(r.complement_adresse),
        codePostal: normalisePostcode(r.code_postal),
        commune: located.commune?.nom ?? cleanText(r.lib_com),
        telephone: phone.telephone,
        courriel: email.courriel,
        emailsDropped: email.dropped,
        horairesTexte: hours.texte,
        horairesOsm: hours.osm,
        types: ['france-services'],
        labels: ['France Services'],
        details: compactDetails({
          format: FORMATS[format] ?? cleanText(format),
          itinerant: format === 'Bus_équivalent' || format === 'Itinérante',
          antenne: r.type_fs === 'Antenne' ? true : null,
          prise_rdv: r.prise_rdv === 'Oui' ? true : r.prise_rdv === 'Non' ? false : null,
          commentaire: cleanText(r.commentaire),
        }),
      }),
    );
  }
  return result;
}

export const readFranceServices = (ctx: ImportContext): SourceResult =>
  franceServicesPlaces(readCsv('sources/france-services/france-services-2024-08-01.csv.gz'), ctx);
