export type Precision = 'adresse' | 'commune';

/** Why a row's point was not taken as given. */
export type CoordNote = 'inversees' | 'loin-de-la-commune' | 'centre-commune';

/** What a place says of itself, the same at every stage: a source's row, a merged place, an exported one. */
export interface PlaceText {
  nom: string;
  adresse: string | null;
  complementAdresse: string | null;
  codePostal: string | null;
  commune: string | null;
  codeInsee: string | null;
  telephone: string | null;
  courriel: string | null;
  siteWeb: string | null;
  horairesTexte: string | null;
  horairesOsm: string | null;
  labels: string[];
  details: Record<string, unknown>;
  dateMaj: string | null;
}

/** One row of one source, in the shape every source module produces and the merge consumes. */
export interface SourcePlace extends PlaceText {
  source: string; // sources.id
  ref: string; // the row's id in its source
  lieuId: string; // the place's public id when this row is the most authoritative of its place
  rang: number; // authority of the source (1 = most authoritative), from mappings/sources.csv
  /** Registries list each structure once: two rows of such a source are never merged together. */
  distinctRows: boolean;
  departement: string | null;
  lat: number;
  lon: number;
  precision: Precision;
  coordNote: CoordNote | null;
  emailsDropped: number; // personal addresses removed from this row
  services: string[]; // services.id stated by the row itself (numérique and démarches)
  types: string[]; // types.id the row is known to be
  fallbackType: string | null; // type to use when no row of the place says anything
  /** lieuId of the row this one is known to describe (PIMMS rows point at France Services or LMN rows). */
  sameAs: string | null;
  /** lieuId of a row the source suspects to be a duplicate (LMN possible_duplicate_of): checked, not trusted. */
  duplicateHint: string | null;
}

export interface Reject {
  source: string;
  ref: string;
  reason: string;
}

export interface SourceResult {
  read: Map<string, number>;
  places: SourcePlace[];
  rejects: Reject[];
}

export function countRead(read: Map<string, number>, source: string): void {
  read.set(source, (read.get(source) ?? 0) + 1);
}
