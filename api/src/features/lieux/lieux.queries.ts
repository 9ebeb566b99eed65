import type { Db } from '../../db/client.ts';
import type { Bbox } from '../../contract/params.ts';
import type { FilterMasks } from '../services/vocabulary.ts';

export const WORLD: Bbox = { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 };

// The R*Tree narrows to the box; masks then filter rows in place (0 = no constraint on that axis).
const MATCHING = `
  FROM lieux_geo g JOIN lieux l ON l.num = g.num
  WHERE g.min_lon >= :minLon AND g.max_lon <= :maxLon AND g.min_lat >= :minLat AND g.max_lat <= :maxLat
    AND (:numerique = 0 OR (l.services_mask & :numerique) != 0)
    AND (:demarches = 0 OR (l.services_mask & :demarches) != 0)
    AND (:types = 0 OR (l.types_mask & :types) != 0)`;

const SQL = {
  count: `SELECT count(*) ${MATCHING}`,
  // Nearest to the centre of the view first; longitudes are shrunk by cos(latitude) so that the
  // ordering follows ground distance closely enough for a list.
  page: `
    SELECT l.id, l.nom, l.latitude, l.longitude, l.precision, l.code_postal, l.commune, l.types, l.services
    ${MATCHING}
    ORDER BY ((l.longitude - :cx) * :k) * ((l.longitude - :cx) * :k) + (l.latitude - :cy) * (l.latitude - :cy), l.num
    LIMIT :limit OFFSET :offset`,
  byId: `
    SELECT num, id, nom, adresse, complement_adresse, code_postal, commune, code_insee, departement,
           latitude, longitude, precision, telephone, courriel, site_web, horaires_texte, horaires_osm,
           types, services, labels, details, date_maj
    FROM lieux WHERE id = ?`,
  sourcesOf: `
    SELECT s.id, s.nom, s.licence, s.url, coalesce(ls.date_maj, s.date) AS date, ls.source_ref AS ref
    FROM lieu_sources ls JOIN sources s ON s.id = ls.source_id
    WHERE ls.lieu_num = ? ORDER BY date DESC, s.id`,
  facets: `SELECT l.services_mask AS servicesMask, l.types_mask AS typesMask, count(*) AS n ${MATCHING}
    GROUP BY l.services_mask, l.types_mask`,
  clusters: `
    SELECT count(*) AS n, avg(l.latitude) AS latitude, avg(l.longitude) AS longitude, min(l.id) AS id, min(l.nom) AS nom
    ${MATCHING}
    GROUP BY CAST(floor(l.longitude / :cell) AS INTEGER), CAST(floor(l.latitude / :cell) AS INTEGER)`,
} as const;

type SlimRow = {
  id: string; nom: string; latitude: number; longitude: number; precision: string;
  code_postal: string | null; commune: string | null; types: string; services: string;
};
type FullRow = SlimRow & {
  num: number; adresse: string | null; complement_adresse: string | null; code_insee: string | null;
  departement: string | null; telephone: string | null; courriel: string | null; site_web: string | null;
  horaires_texte: string | null; horaires_osm: string | null; labels: string; details: string; date_maj: string | null;
};

export type LieuxQueries = ReturnType<typeof createLieuxQueries>;

const filterParams = (bbox: Bbox, masks: FilterMasks) => ({ ...bbox, ...masks });

export function createLieuxQueries(db: Db) {
  const count = db.prepare(SQL.count).pluck();
  const page = db.prepare(SQL.page);
  const byId = db.prepare(SQL.byId);
  const sourcesOf = db.prepare(SQL.sourcesOf);
  const facets = db.prepare(SQL.facets);
  const clusters = db.prepare(SQL.clusters);

  return {
    search(bbox: Bbox, masks: FilterMasks, limit: number, offset: number) {
      const params = filterParams(bbox, masks);
      const cy = (bbox.minLat + bbox.maxLat) / 2;
      const rows = page.all({
        ...params, limit, offset,
        cx: (bbox.minLon + bbox.maxLon) / 2, cy, k: Math.cos((cy * Math.PI) / 180),
      }) as SlimRow[];
      return {
        total: count.get(params) as number,
        items: rows.map((r) => ({ ...r, types: JSON.parse(r.types) as string[], services: JSON.parse(r.services) as string[] })),
      };
    },

    byId(id: string) {
      const row = byId.get(id) as FullRow | undefined;
      if (!row) return undefined;
      const { num, horaires_texte, horaires_osm, ...rest } = row;
      return {
        ...rest,
        horaires: { texte: horaires_texte, osm: horaires_osm },
        types: JSON.parse(row.types) as string[],
        services: JSON.parse(row.services) as string[],
        labels: JSON.parse(row.labels) as string[],
        details: JSON.parse(row.details) as Record<string, unknown>,
        sources: sourcesOf.all(num) as { id: string; nom: string; licence: string; url: string | null; date: string; ref: string }[],
      };
    },

    /** Distinct (services, types) mask combinations in the box, with how many places have each. */
    facets(bbox: Bbox) {
      return facets.all(filterParams(bbox, { numerique: 0, demarches: 0, types: 0 })) as {
        servicesMask: number; typesMask: number; n: number;
      }[];
    },

    clusters(bbox: Bbox, masks: FilterMasks, cellDegrees: number) {
      return clusters.all({ ...filterParams(bbox, masks), cell: cellDegrees }) as {
        n: number; latitude: number; longitude: number; id: string; nom: string;
      }[];
    },
  };
}
