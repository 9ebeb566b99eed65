import type { Commune, Communes } from './communes.ts';
import { distanceMeters, territoryOf, type Territory } from './geo.ts';
import type { CoordNote, Precision } from './source-place.ts';

/** Territory a source covers (mappings/sources.csv): a point elsewhere is a geocoding error. */
export type SourceTerritory = 'tous' | 'metro' | 'drom' | 'com';

export interface LocateInput {
  lat: string | number | null | undefined;
  lon: string | number | null | undefined;
  codeInsee?: string | null;
  codePostal?: string | null;
  commune?: string | null;
  /** The place's name, which often names its commune ("Mairie de Bonifacio") when nothing else does. */
  nom?: string | null;
  /** What the source's point stands for: the building, or only the commune centre. */
  precision: Precision;
  territoire: SourceTerritory;
}

export type Located =
  | { ok: true; lat: number; lon: number; precision: Precision; commune: Commune | null; note: CoordNote | null }
  | { ok: false; reason: string };

/** Beyond this, a building point is not in the commune the row names: the geocoder picked a namesake. */
const FAR_FROM_COMMUNE_M = 50_000;
// Communes of Guyane span up to 100 km and their reference points are not their towns.
const GUYANE = '973';

export const REJECT_OUTSIDE = 'hors de la métropole et des DROM (COM ou point invalide)';
export const REJECT_NO_POSITION = 'sans coordonnées ni commune reconnue';
export const REJECT_OUT_OF_SOURCE_AREA = 'point hors du territoire couvert par la source, commune non reconnue';

function toNumber(v: string | number | null | undefined): number | null {
  if (v == null || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

function fits(t: Territory | null, territoire: SourceTerritory): boolean {
  if (t === null) return false;
  return territoire === 'tous' || territoire === 'com' || t === territoire;
}

/**
 * The point to show for a row. The source's point is kept when it lies in France (metropolitan or
 * DROM), in the source's territory and near the row's commune; swapped lat/lon are put back;
 * a missing point or one in the wrong territory is replaced by the commune centre, flagged as
 * approximate. Rows in a COM are rejected: the basemap does not cover them.
 */
export function locate(communes: Communes, input: LocateInput): Located {
  let lat = toNumber(input.lat);
  let lon = toNumber(input.lon);
  let note: CoordNote | null = null;
  const valid = lat !== null && lon !== null && !(lat === 0 && lon === 0) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  if (valid && territoryOf(lat!, lon!) === null && territoryOf(lon!, lat!) !== null) {
    [lat, lon] = [lon, lat];
    note = 'inversees';
  }
  const inTerritory = valid && fits(territoryOf(lat!, lon!), input.territoire);
  const commune = communes.resolve({
    codeInsee: input.codeInsee,
    codePostal: input.codePostal,
    commune: input.commune,
    nom: input.nom,
    lat: inTerritory ? lat : null,
    lon: inTerritory ? lon : null,
  });
  const centre =
    commune && commune.lat !== null && commune.lon !== null && territoryOf(commune.lat, commune.lon) !== null
      ? { lat: commune.lat, lon: commune.lon }
      : null;

  if (inTerritory) {
    const far =
      centre !== null &&
      commune!.departement !== GUYANE &&
      distanceMeters(lat!, lon!, centre.lat, centre.lon) > FAR_FROM_COMMUNE_M;
    if (!far) return { ok: true, lat: lat!, lon: lon!, precision: input.precision, commune, note };
    return { ok: true, lat: centre.lat, lon: centre.lon, precision: 'commune', commune, note: 'loin-de-la-commune' };
  }
  // A real point outside metropolitan France and the DROM is a COM: its commune fields cannot be trusted
  // to move it (Nouvelle-Calédonie rows carry metropolitan INSEE codes).
  if (valid && territoryOf(lat!, lon!) === null) return { ok: false, reason: REJECT_OUTSIDE };
  if (centre) return { ok: true, lat: centre.lat, lon: centre.lon, precision: 'commune', commune, note: 'centre-commune' };
  return { ok: false, reason: valid ? REJECT_OUT_OF_SOURCE_AREA : REJECT_NO_POSITION };
}
