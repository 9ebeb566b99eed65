import { readCsv, type Row } from '../csv.ts';
import { locate } from '../locate.ts';
import { cleanText, normalisePostcode } from '../normalise.ts';
import { countRead, type SourceResult } from '../source-place.ts';
import { compactDetails, makePlace, sourceDef, type ImportContext } from './context.ts';

export const BIBLIOTHEQUES_SOURCE = 'bibliotheques-2020';
export const REJECT_ADMINISTRATIVE = "adresse administrative (pas d'accueil du public)";

const samePoint = (a: string | undefined, b: string | undefined) =>
  (a ?? '').replace(/\s+/g, '') !== '' && (a ?? '').replace(/\s+/g, '') === (b ?? '').replace(/\s+/g, '');

const number = (v: string | undefined) => (v ? Math.round(Number(v)) || null : null);

/**
 * Public libraries of the Ministère de la Culture list. Only addresses open to the public are
 * places; the ministry geocoded ~5 % of them to the commune centre (coordonnees_finales =
 * coordonnees_insee), which are flagged as approximate.
 */
export function bibliothequesPlaces(rows: Row[], ctx: ImportContext): SourceResult {
  const def = sourceDef(ctx, BIBLIOTHEQUES_SOURCE);
  const result: SourceResult = { read: new Map(), places: [], rejects: [] };
  for (const r of rows) {
    const ref = (r.code_bib ?? '').replace(/\.0$/, '');
    countRead(result.read, def.id);
    if (r.type_adresse !== 'Bibliothèque ouverte au public') {
      result.rejects.push({ source: def.id, ref, reason: REJECT_ADMINISTRATIVE });
      continue;
    }
    const [lat, lon] = (r.coordonnees_finales ?? '').split(',');
    const communeCentre = samePoint(r.coordonnees_finales, r.coordonnees_insee) && !samePoint(r.coordonnees_finales, r.coordonnees_ban);
    const located = locate(ctx.communes, {
      lat,
      lon,
      codeInsee: r.INSEE,
      codePostal: r.CP,
      commune: r.Ville,
      precision: communeCentre ? 'commune' : 'adresse',
      territoire: def.territoire,
    });
    if (!located.ok) {
      result.rejects.push({ source: def.id, ref, reason: located.reason });
      continue;
    }
    result.places.push(
      makePlace(def, located, { ref, lieuId: `bib-${ref}`, nom: r.Libelle1! }, {
        distinctRows: true,
        adresse: cleanText(r.voie),
        complementAdresse: cleanText(r.Localisation),
        codePostal: normalisePostcode(r.CP),
        commune: located.commune?.nom ?? cleanText(r.Ville),
        types: ['bibliotheque'],
        details: compactDetails({
          statut: cleanText(r.Statut),
          heures_ouverture_semaine: number(r.amplitude_horaire),
        }),
      }),
    );
  }
  return result;
}

export const readBibliotheques = (ctx: ImportContext): SourceResult =>
  bibliothequesPlaces(readCsv('sources/bibliotheques/bibliotheques-publiques-2020.csv.gz'), ctx);
