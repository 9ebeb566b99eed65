import { Grid } from '@reperes/data/geo.ts';
import type { SourcePlace } from '@reperes/data/source-place.ts';
import type { Db } from '../../db/client.ts';

/** A `lieux` row with the columns an import may compare or change. */
export interface ExistingRow {
  num: number;
  id: string;
  nom: string;
  adresse: string | null;
  complement_adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  code_insee: string | null;
  departement: string | null;
  latitude: number;
  longitude: number;
  precision: 'adresse' | 'commune';
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  horaires_texte: string | null;
  horaires_osm: string | null;
  services: string;
  types: string;
}

const SELECT = `SELECT num, id, nom, adresse, complement_adresse, code_postal, commune, code_insee, departement, latitude,
  longitude, precision, telephone, courriel, site_web, horaires_texte, horaires_osm, services, types FROM lieux`;

// The merge compares points up to 5 km apart (same name, same street address): cells of ~5.5 km,
// looked at with their 8 neighbours, hold every place a row could join.
const CANDIDATE_CELL_DEG = 0.05;

/** Existing places seen by the merge as rows of one registry, so that two of them never merge together. */
export const EXISTING_SOURCE = 'reperes-existant';

function asSourcePlace(r: ExistingRow): SourcePlace {
  return {
    source: EXISTING_SOURCE,
    ref: r.id,
    lieuId: r.id,
    rang: 0,
    distinctRows: true,
    nom: r.nom,
    adresse: r.adresse,
    complementAdresse: r.complement_adresse,
    codePostal: r.code_postal,
    commune: r.commune,
    codeInsee: r.code_insee,
    departement: r.departement,
    lat: r.latitude,
    lon: r.longitude,
    precision: r.precision,
    coordNote: null,
    telephone: r.telephone,
    courriel: r.courriel,
    emailsDropped: 0,
    siteWeb: r.site_web,
    horairesTexte: r.horaires_texte,
    horairesOsm: r.horaires_osm,
    services: JSON.parse(r.services) as string[],
    types: JSON.parse(r.types) as string[],
    fallbackType: null,
    labels: [],
    details: {},
    dateMaj: null,
    sameAs: null,
    duplicateHint: null,
  };
}

const loaded = new WeakMap<Db, { version: string; places: ExistingPlaces }>();

/** The places already in the database, indexed for finding the one a file's row describes. */
export class ExistingPlaces {
  readonly byId = new Map<string, ExistingRow>();
  private readonly bySourceRef = new Map<string, string>();
  private readonly grid = new Grid<SourcePlace>(CANDIDATE_CELL_DEG);
  private readonly byInsee = new Map<string, SourcePlace[]>();
  private readonly asPlace = new Map<string, SourcePlace>();

  /**
   * The places of the database as they are now. Loading them takes most of a small file's dry run,
   * so they are kept until the data changes: another connection's commit moves `data_version`,
   * a write through this one moves `total_changes()`.
   */
  static of(db: Db): ExistingPlaces {
    const version = db.prepare('SELECT (SELECT data_version FROM pragma_data_version) || \':\' || total_changes()').pluck().get() as string;
    const cached = loaded.get(db);
    if (cached?.version === version) return cached.places;
    const places = new ExistingPlaces(db);
    loaded.set(db, { version, places });
    return places;
  }

  private constructor(db: Db) {
    for (const row of db.prepare(SELECT).iterate() as IterableIterator<ExistingRow>) {
      this.byId.set(row.id, row);
      const place = asSourcePlace(row);
      this.asPlace.set(row.id, place);
      this.grid.add(row.latitude, row.longitude, place);
      if (row.code_insee) {
        const list = this.byInsee.get(row.code_insee);
        if (list) list.push(place);
        else this.byInsee.set(row.code_insee, [place]);
      }
    }
    const refs = db.prepare(
      'SELECT ls.source_id AS source, ls.source_ref AS ref, l.id AS id FROM lieu_sources ls JOIN lieux l ON l.num = ls.lieu_num',
    );
    for (const r of refs.iterate() as IterableIterator<{ source: string; ref: string; id: string }>) {
      this.bySourceRef.set(`${r.source}\u0000${r.ref}`, r.id);
    }
  }

  /** The place a row names: by its public id, by the id a new place of that row would get, or by an earlier import of it. */
  byIdentity(place: SourcePlace): ExistingRow | undefined {
    return (
      this.byId.get(place.ref) ??
      this.byId.get(place.lieuId) ??
      this.byId.get(this.bySourceRef.get(`${place.source}\u0000${place.ref}`) ?? '')
    );
  }

  /** Existing places the merge rules could join the row to: near its point, or in its commune. */
  candidates(place: SourcePlace): SourcePlace[] {
    const near = this.grid.near(place.lat, place.lon);
    return place.codeInsee ? [...near, ...(this.byInsee.get(place.codeInsee) ?? [])] : near;
  }

  placeOf(id: string): SourcePlace | undefined {
    return this.asPlace.get(id);
  }

  get size(): number {
    return this.byId.size;
  }
}
