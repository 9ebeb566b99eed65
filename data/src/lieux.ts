import { FRANCE_SERVICES_SOURCE } from './sources/france-services.ts';
import type { PlaceText, Precision, SourcePlace } from './source-place.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface LieuSource {
  source: string;
  ref: string;
  dateMaj: string | null;
}

/** A row of the `lieux` table, with its provenance. */
export interface Lieu extends PlaceText {
  id: string;
  departement: string | null;
  latitude: number;
  longitude: number;
  precision: Precision;
  services: string[];
  types: string[];
  servicesMask: bigint;
  typesMask: bigint;
  sources: LieuSource[];
  /** A source other than the France Services list called it a France Services; the list does not. */
  unconfirmedFranceServices: boolean;
}

const FRANCE_SERVICES_LABEL = 'France Services';

/** Most authoritative first; among rows of equal authority, the most recently updated. */
function byAuthority(a: SourcePlace, b: SourcePlace): number {
  return (
    a.rang - b.rang ||
    (b.dateMaj ?? '').localeCompare(a.dateMaj ?? '') ||
    a.source.localeCompare(b.source) ||
    a.ref.localeCompare(b.ref)
  );
}

const first = <T>(members: SourcePlace[], pick: (m: SourcePlace) => T | null): T | null => {
  for (const m of members) {
    const v = pick(m);
    if (v !== null) return v;
  }
  return null;
};

export const mask = (bits: number[]): bigint => bits.reduce((acc, bit) => acc | (1n << BigInt(bit)), 0n);

/**
 * One place out of the rows merged into it. Identity (id, name) comes from the most authoritative
 * row; the position and address from the most precise one (a building beats a commune centre);
 * contacts and hours from the first row that has them; services, types and labels are the union.
 * Only the France Services list makes a place a France Services: older sources' claims (MSAP,
 * 2022 labels) are dropped when the 2024 list does not have the place.
 */
export function buildLieu(members: SourcePlace[], vocab: Vocabulary): Lieu {
  const sorted = [...members].sort(byAuthority);
  const head = sorted[0]!;
  const located = [...sorted].sort((a, b) => (a.precision === b.precision ? 0 : a.precision === 'adresse' ? -1 : 1))[0]!;
  // The street address goes with the point; a commune-centre row borrows one given in its postcode.
  const addressed = located.adresse ? located : sorted.find((m) => m.adresse && m.codePostal === located.codePostal);
  const withHours = sorted.find((m) => m.horairesOsm !== null) ?? sorted.find((m) => m.horairesTexte !== null);

  const isFranceServices = members.some((m) => m.source === FRANCE_SERVICES_SOURCE);
  let types = [...new Set(sorted.flatMap((m) => m.types))];
  const unconfirmedFranceServices = !isFranceServices && types.includes('france-services');
  if (!isFranceServices) types = types.filter((t) => t !== 'france-services');
  if (types.length === 0) types = [...new Set(sorted.flatMap((m) => (m.fallbackType ? [m.fallbackType] : [])))];
  const typeDefs = vocab.types.filter((t) => types.includes(t.id));

  const serviceIds = new Set(sorted.flatMap((m) => m.services));
  for (const t of typeDefs) for (const s of [...t.demarches, ...t.servicesNumerique]) serviceIds.add(s);
  const serviceDefs = vocab.services.filter((s) => serviceIds.has(s.id));

  const labels = [...new Set(sorted.flatMap((m) => m.labels))].filter((l) => isFranceServices || l !== FRANCE_SERVICES_LABEL);
  const details: Record<string, unknown> = {};
  for (const m of [...sorted].reverse()) Object.assign(details, m.details);
  const dates = members.map((m) => m.dateMaj).filter((d): d is string => d !== null).sort();

  return {
    id: head.lieuId,
    nom: head.nom,
    adresse: addressed?.adresse ?? null,
    complementAdresse: addressed?.complementAdresse ?? null,
    codePostal: located.codePostal ?? first(sorted, (m) => m.codePostal),
    commune: located.commune ?? first(sorted, (m) => m.commune),
    codeInsee: located.codeInsee ?? first(sorted, (m) => m.codeInsee),
    departement: located.departement ?? first(sorted, (m) => m.departement),
    latitude: located.lat,
    longitude: located.lon,
    precision: located.precision,
    telephone: first(sorted, (m) => m.telephone),
    courriel: first(sorted, (m) => m.courriel),
    siteWeb: first(sorted, (m) => m.siteWeb),
    horairesTexte: withHours?.horairesTexte ?? null,
    horairesOsm: withHours?.horairesOsm ?? null,
    services: serviceDefs.map((s) => s.id),
    types: typeDefs.map((t) => t.id),
    labels,
    details,
    dateMaj: dates.at(-1) ?? null,
    servicesMask: mask(serviceDefs.map((s) => s.bit)),
    typesMask: mask(typeDefs.map((t) => t.bit)),
    sources: sorted.map((m) => ({ source: m.source, ref: m.ref, dateMaj: m.dateMaj })),
    unconfirmedFranceServices,
  };
}
