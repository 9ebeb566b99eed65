import type { ExportPlace } from '@reperes/data/formats/export-place.ts';
import type { Bbox } from '../../contract/params.ts';
import type { Db } from '../../db/client.ts';
import type { FilterMasks } from '../services/vocabulary.ts';

const PAGE = 2000;

const SQL = {
  page: `
    SELECT num, id, nom, adresse, complement_adresse, code_postal, commune, code_insee, latitude, longitude, precision,
           telephone, courriel, site_web, horaires_texte, horaires_osm, services, types, labels, details, date_maj
    FROM lieux
    WHERE num > @after AND archived_at IS NULL
      AND latitude BETWEEN @minLat AND @maxLat AND longitude BETWEEN @minLon AND @maxLon
      AND (@numerique = 0 OR services_mask & @numerique != 0)
      AND (@demarches = 0 OR services_mask & @demarches != 0)
      AND (@types = 0 OR types_mask & @types != 0)
      AND (@labels = '[]' OR EXISTS (
        SELECT 1 FROM json_each(lieux.labels) l WHERE l.value IN (SELECT value FROM json_each(@labels))))
    ORDER BY num LIMIT ${PAGE}`,
  services: 'SELECT id, axe, label, description FROM services ORDER BY position',
  types: 'SELECT id, code_di FROM types',
  sources: 'SELECT id, nom, licence, url, date FROM sources ORDER BY id',
} as const;

type Row = {
  num: number; id: string; nom: string; adresse: string | null; complement_adresse: string | null; code_postal: string | null;
  commune: string | null; code_insee: string | null; latitude: number; longitude: number; precision: string;
  telephone: string | null; courriel: string | null; site_web: string | null; horaires_texte: string | null;
  horaires_osm: string | null; services: string; types: string; labels: string; details: string; date_maj: string | null;
};

export type ServiceRow = { id: string; axe: string; label: string; description: string | null };
export type SourceRow = { id: string; nom: string; licence: string; url: string | null; date: string };

export interface ExportFilter {
  bbox: Bbox;
  masks: FilterMasks;
  /** Label names, any of which a place must carry; none: no constraint. */
  labels: string[];
}

/** The vocabularies the writers need, read once per export. */
export function exportVocabulary(db: Db) {
  const services = db.prepare(SQL.services).all() as ServiceRow[];
  const typeCodes = new Map((db.prepare(SQL.types).all() as { id: string; code_di: string | null }[]).map((t) => [t.id, t.code_di]));
  const sources = db.prepare(SQL.sources).all() as SourceRow[];
  return { services, typeCodes, sources };
}

export type ExportVocabulary = ReturnType<typeof exportVocabulary>;

/**
 * The matching places, a page at a time: each page is read with `iterate()` and finished before the
 * caller writes it out, so memory stays constant and the shared connection is never left busy
 * between two writes to a slow client.
 */
export function* placePages(db: Db, vocab: ExportVocabulary, filter: ExportFilter): Generator<ExportPlace[]> {
  const stmt = db.prepare(SQL.page);
  const numeriqueLabel = new Map(vocab.services.filter((s) => s.axe === 'numerique').map((s) => [s.id, s.label]));
  const { bbox, masks } = filter;
  const labels = JSON.stringify(filter.labels);
  let after = 0;
  for (;;) {
    const page: ExportPlace[] = [];
    const params = {
      after, ...bbox,
      numerique: BigInt(masks.numerique), demarches: BigInt(masks.demarches), types: BigInt(masks.types), labels,
    };
    for (const r of stmt.iterate(params) as IterableIterator<Row>) {
      after = r.num;
      const services = JSON.parse(r.services) as string[];
      const types = JSON.parse(r.types) as string[];
      page.push({
        id: r.id, nom: r.nom, adresse: r.adresse, complementAdresse: r.complement_adresse, codePostal: r.code_postal,
        commune: r.commune, codeInsee: r.code_insee, latitude: r.latitude, longitude: r.longitude, precision: r.precision,
        telephone: r.telephone, courriel: r.courriel, siteWeb: r.site_web, horairesTexte: r.horaires_texte,
        horairesOsm: r.horaires_osm, services, types, labels: JSON.parse(r.labels) as string[],
        details: JSON.parse(r.details) as Record<string, unknown>, dateMaj: r.date_maj,
        numeriqueLabels: services.flatMap((id) => numeriqueLabel.get(id) ?? []),
        typeCodes: types.flatMap((id) => vocab.typeCodes.get(id) ?? []),
      });
    }
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE) return;
  }
}
