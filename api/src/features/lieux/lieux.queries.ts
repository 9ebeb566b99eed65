import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';

const SQL = {
  byId: `
    SELECT num, id, nom, adresse, complement_adresse, code_postal, commune, code_insee, departement,
           latitude, longitude, precision, telephone, courriel, site_web, horaires_texte, horaires_osm,
           types, services, labels, details, date_maj, verifie_le, archived_at
    FROM lieux WHERE id = ?`,
  sourcesOf: `
    SELECT s.id, s.nom, s.licence, s.url, coalesce(ls.date_maj, s.date) AS date, ls.source_ref AS ref
    FROM lieu_sources ls JOIN sources s ON s.id = ls.source_id
    WHERE ls.lieu_num = ? ORDER BY date DESC, s.id`,
} as const;

type FullRow = {
  num: number; id: string; nom: string; adresse: string | null; complement_adresse: string | null;
  code_postal: string | null; commune: string | null; code_insee: string | null; departement: string | null;
  latitude: number; longitude: number; precision: string; telephone: string | null; courriel: string | null;
  site_web: string | null; horaires_texte: string | null; horaires_osm: string | null; types: string;
  services: string; labels: string; details: string; date_maj: string | null; verifie_le: string | null;
  archived_at: string | null;
};

export type Source = { id: string; nom: string; licence: string; url: string | null; date: string; ref: string };

export type LieuxQueries = ReturnType<typeof createLieuxQueries>;

export function createLieuxQueries(db: Db) {
  const byId = db.prepare(SQL.byId);
  const sourcesOf = db.prepare(SQL.sourcesOf);

  return {
    byId(id: string) {
      const row = byId.get(id) as FullRow | undefined;
      if (!row) return undefined;
      // Archived by a coordinator: the public is told so (410) rather than "unknown" (404).
      if (row.archived_at !== null) throw new ApiError(410, 'lieu_archive');
      const { num, horaires_texte, horaires_osm, archived_at: _archived, ...rest } = row;
      return {
        ...rest,
        horaires: { texte: horaires_texte, osm: horaires_osm },
        types: JSON.parse(row.types) as string[],
        services: JSON.parse(row.services) as string[],
        labels: JSON.parse(row.labels) as string[],
        details: JSON.parse(row.details) as Record<string, unknown>,
        sources: sourcesOf.all(num) as Source[],
      };
    },
  };
}
