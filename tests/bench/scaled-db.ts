/**
 * Builds an N× copy of the imported dataset for the scale benchmark: copy 0 is the real data,
 * every other copy is each real place again with a new id, a name suffix and its position moved by
 * a few hundred metres to a few km; every other field stays real. The tables are then written by
 * the import's own `writeTables`, so the write time measured is the import's.
 */
import type { Db } from '@reperes/api/db/client.ts';
import type { CommuneRow } from '@reperes/data/communes-table.ts';
import type { Lieu } from '@reperes/data/lieux.ts';
import type { Precision } from '@reperes/data/source-place.ts';
import { loadVocabulary } from '@reperes/data/vocabulary.ts';
import { META_KEYS, type ImportTables } from '@reperes/data/pipeline.ts';

const METRES_PER_DEGREE = 111_320;
export const JITTER_MIN_M = 300;
export const JITTER_MAX_M = 3000;

/** mulberry32: a seeded generator, so every run builds the same copies and figures compare across runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A point moved in a random direction by a distance drawn between JITTER_MIN_M and JITTER_MAX_M. */
export function jitter(lat: number, lon: number, random: () => number): { lat: number; lon: number } {
  const distance = JITTER_MIN_M + random() * (JITTER_MAX_M - JITTER_MIN_M);
  const bearing = random() * 2 * Math.PI;
  const newLat = Math.max(-89.9, Math.min(89.9, lat + (distance * Math.cos(bearing)) / METRES_PER_DEGREE));
  const newLon = lon + (distance * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  return { lat: newLat, lon: ((newLon + 540) % 360) - 180 };
}

/** The public id of a place's copy: copy 0 is the real place. */
export const copyId = (id: string, copy: number) => (copy === 0 ? id : `${id}-x${copy}`);

type LieuRow = {
  num: number; id: string; nom: string; adresse: string | null; complement_adresse: string | null;
  code_postal: string | null; commune: string | null; code_insee: string | null; departement: string | null;
  latitude: number; longitude: number; precision: Precision; telephone: string | null; courriel: string | null;
  site_web: string | null; horaires_texte: string | null; horaires_osm: string | null; services_mask: string;
  types_mask: string; services: string; types: string; labels: string; details: string; date_maj: string | null;
};

type CommuneDbRow = {
  code_insee: string; nom: string; departement: string; departement_nom: string; codes_postaux: string;
  latitude: number; longitude: number; precision: CommuneRow['precision']; population: number;
};

/**
 * The tables of an imported database, in the shape `writeTables` takes. The vocabulary's fields
 * that the database does not keep come from data/mappings, checked against the database's bits.
 */
export function readTables(db: Db): ImportTables {
  const vocab = loadVocabulary();
  const serviceBits = new Map(db.prepare('SELECT id, bit FROM services').raw().all() as [string, number][]);
  const typeBits = new Map(db.prepare('SELECT id, bit FROM types').raw().all() as [string, number][]);
  const sourceIds = new Set(db.prepare('SELECT id FROM sources').pluck().all() as string[]);
  for (const s of vocab.services) {
    if (serviceBits.get(s.id) !== s.bit) throw new Error(`Service ${s.id} : la base ne suit pas data/mappings ; relancez npm run data:import.`);
  }
  const types = vocab.types.filter((t) => typeBits.has(t.id));
  for (const t of types) {
    if (typeBits.get(t.id) !== t.bit) throw new Error(`Type ${t.id} : la base ne suit pas data/mappings ; relancez npm run data:import.`);
  }
  const sources = [...vocab.sources.values()].filter((s) => sourceIds.has(s.id));

  const provenance = new Map<number, Lieu['sources']>();
  for (const r of db.prepare('SELECT lieu_num, source_id, source_ref, date_maj FROM lieu_sources').all() as {
    lieu_num: number; source_id: string; source_ref: string; date_maj: string | null;
  }[]) {
    const list = provenance.get(r.lieu_num) ?? [];
    list.push({ source: r.source_id, ref: r.source_ref, dateMaj: r.date_maj });
    provenance.set(r.lieu_num, list);
  }
  // Masks may use bit 62, beyond a double's exact integers: read as text, kept as bigint.
  const rows = db.prepare(`SELECT num, id, nom, adresse, complement_adresse, code_postal, commune, code_insee, departement,
      latitude, longitude, precision, telephone, courriel, site_web, horaires_texte, horaires_osm,
      CAST(services_mask AS TEXT) AS services_mask, CAST(types_mask AS TEXT) AS types_mask,
      services, types, labels, details, date_maj
    FROM lieux WHERE archived_at IS NULL ORDER BY num`).all() as LieuRow[];
  const lieux: Lieu[] = rows.map((r) => ({
    id: r.id, nom: r.nom, adresse: r.adresse, complementAdresse: r.complement_adresse, codePostal: r.code_postal,
    commune: r.commune, codeInsee: r.code_insee, departement: r.departement, latitude: r.latitude, longitude: r.longitude,
    precision: r.precision, telephone: r.telephone, courriel: r.courriel, siteWeb: r.site_web,
    horairesTexte: r.horaires_texte, horairesOsm: r.horaires_osm,
    services: JSON.parse(r.services), types: JSON.parse(r.types), labels: JSON.parse(r.labels), details: JSON.parse(r.details),
    dateMaj: r.date_maj, servicesMask: BigInt(r.services_mask), typesMask: BigInt(r.types_mask),
    sources: provenance.get(r.num) ?? [], unconfirmedFranceServices: false,
  }));
  const communes: CommuneRow[] = (db.prepare('SELECT * FROM communes ORDER BY rowid').all() as CommuneDbRow[]).map((c) => ({
    codeInsee: c.code_insee, nom: c.nom, departement: c.departement, departementNom: c.departement_nom,
    codesPostaux: JSON.parse(c.codes_postaux), latitude: c.latitude, longitude: c.longitude, precision: c.precision,
    population: c.population,
  }));
  const meta = Object.fromEntries(db.prepare('SELECT key, value FROM meta').raw().all() as [string, string][]);
  return { services: vocab.services, types, sources, lieux, meta, communes };
}

/**
 * The tables with `factor` copies of every place. Copies share the real place's arrays and
 * details objects (they are only serialised), which keeps 16 × 31k places within a few hundred MB.
 */
export function scaleTables(tables: ImportTables, factor: number): ImportTables {
  const lieux: Lieu[] = [...tables.lieux];
  for (let copy = 1; copy < factor; copy += 1) {
    const random = seededRandom(copy);
    for (const l of tables.lieux) {
      const { lat, lon } = jitter(l.latitude, l.longitude, random);
      lieux.push({
        ...l,
        id: copyId(l.id, copy),
        nom: `${l.nom} (copie ${copy})`,
        latitude: lat,
        longitude: lon,
        // Each source row belongs to one place only (primary key): a copy gets copied refs.
        sources: l.sources.map((s) => ({ ...s, ref: `${s.ref}-x${copy}` })),
      });
    }
  }
  return { ...tables, lieux, meta: { ...tables.meta, [META_KEYS[0]]: String(lieux.length) } };
}
