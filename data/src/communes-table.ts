import { readCsv, type Row } from './csv.ts';

export interface CommuneRow {
  codeInsee: string;
  nom: string;
  departement: string;
  departementNom: string;
  codesPostaux: string[];
  latitude: number;
  longitude: number;
  precision: 'commune' | 'departement';
  population: number;
}

export interface CommunesTable {
  rows: CommuneRow[];
  /** Communes without a point of their own, placed at the centre of their département. */
  atDepartementCentre: number;
  /** Communes left out: neither they nor any commune of their département has a point (some COM). */
  leftOut: number;
}

/**
 * The communes people can search by name or postcode. About a hundred have no point (communes
 * re-created after 2020, overseas collectivities): the mean point of their département's other
 * communes stands in, good enough to move the map to the right area.
 */
export function buildCommunesTable(
  communeRows: Row[] = readCsv('sources/communes/communes.csv.gz'),
  postcodeRows: Row[] = readCsv('sources/communes/codes-postaux.csv.gz'),
): CommunesTable {
  const postcodes = new Map<string, Set<string>>();
  const addPostcode = (insee: string, cp: string) => {
    if (!/^\d{5}$/.test(cp)) return;
    const set = postcodes.get(insee);
    if (set) set.add(cp);
    else postcodes.set(insee, new Set([cp]));
  };
  for (const r of communeRows) for (const cp of (r.codes_postaux ?? '').split(' ')) addPostcode(r.code_insee!, cp);
  for (const r of postcodeRows) addPostcode(r.code_insee!, r.code_postal!);

  const centres = new Map<string, { lat: number; lon: number; n: number }>();
  for (const r of communeRows) {
    if (!r.latitude || !r.longitude) continue;
    const c = centres.get(r.departement!) ?? { lat: 0, lon: 0, n: 0 };
    c.lat += Number(r.latitude);
    c.lon += Number(r.longitude);
    c.n += 1;
    centres.set(r.departement!, c);
  }

  const rows: CommuneRow[] = [];
  let atDepartementCentre = 0;
  let leftOut = 0;
  for (const r of communeRows) {
    const own = Boolean(r.latitude && r.longitude);
    const centre = centres.get(r.departement!);
    if (!own && !centre) {
      leftOut += 1;
      continue;
    }
    if (!own) atDepartementCentre += 1;
    rows.push({
      codeInsee: r.code_insee!,
      nom: r.nom!,
      departement: r.departement!,
      departementNom: r.departement_nom!,
      codesPostaux: [...(postcodes.get(r.code_insee!) ?? [])].sort(),
      latitude: own ? Number(r.latitude) : round(centre!.lat / centre!.n),
      longitude: own ? Number(r.longitude) : round(centre!.lon / centre!.n),
      precision: own ? 'commune' : 'departement',
      population: Number(r.population) || 0,
    });
  }
  rows.sort((a, b) => (a.codeInsee < b.codeInsee ? -1 : a.codeInsee > b.codeInsee ? 1 : 0));
  return { rows, atDepartementCentre, leftOut };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
