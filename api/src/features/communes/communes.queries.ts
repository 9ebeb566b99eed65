import type { Db } from '../../db/client.ts';
import { searchWords } from '../lieux/search-text.ts';

const COLUMNS = `c.code_insee, c.nom, c.departement, c.departement_nom, c.codes_postaux, c.latitude, c.longitude, c.population`;

const SQL = {
  // Exact name first, then names that start with the search, then the most populous.
  byName: `
    SELECT ${COLUMNS}
    FROM communes_fts f JOIN communes c ON c.rowid = f.rowid
    WHERE communes_fts MATCH :match
    ORDER BY c.nom_recherche = :exact DESC, substr(c.nom_recherche, 1, length(:exact)) = :exact DESC,
             c.population DESC, c.code_insee
    LIMIT :limit`,
  // Postcodes are digits only, and ':' sorts right after '9': a range scan of the prefix.
  byPostcode: `
    SELECT ${COLUMNS}
    FROM commune_codes_postaux p JOIN communes c ON c.code_insee = p.code_insee
    WHERE p.code_postal >= :prefix AND p.code_postal < :prefix || ':'
    GROUP BY c.code_insee
    ORDER BY max(p.code_postal = :prefix) DESC, c.population DESC, c.code_insee
    LIMIT :limit`,
} as const;

type Row = {
  code_insee: string; nom: string; departement: string; departement_nom: string; codes_postaux: string;
  latitude: number; longitude: number; population: number;
};

export type CommuneItem = Omit<Row, 'codes_postaux'> & { codes_postaux: string[]; bbox: null };

/** Searches shorter than this (after folding) answer nothing: one letter matches thousands of names. */
export const MIN_SEARCH_LENGTH = 2;

/**
 * The FTS5 expression for a search, built from folded words only ([a-z0-9]), each quoted: nothing
 * the user typed reaches MATCH as syntax. Every word is a prefix; "st" also stands for "saint".
 */
export function matchExpression(q: string): { match: string; exact: string } | null {
  const words = searchWords(q);
  if (words.length === 0) return null;
  const match = words
    .map(({ word, alternatives }) => `(${[`"${word}"*`, ...alternatives.slice(1).map((a) => `"${a}"`)].join(' OR ')})`)
    .join(' AND ');
  const exact = words.map((w) => w.alternatives.at(-1)).join(' ');
  return { match, exact };
}

export type CommunesQueries = ReturnType<typeof createCommunesQueries>;

export function createCommunesQueries(db: Db) {
  const byName = db.prepare(SQL.byName);
  const byPostcode = db.prepare(SQL.byPostcode);
  const item = ({ codes_postaux, ...r }: Row): CommuneItem => ({ ...r, codes_postaux: JSON.parse(codes_postaux), bbox: null });

  return {
    search(q: string, limit: number): CommuneItem[] {
      const compact = q.replace(/\s+/g, '');
      if (/^\d{2,5}$/.test(compact)) return (byPostcode.all({ prefix: compact, limit }) as Row[]).map(item);
      const expression = matchExpression(q);
      if (!expression || expression.exact.replace(/ /g, '').length < MIN_SEARCH_LENGTH) return [];
      return (byName.all({ ...expression, limit }) as Row[]).map(item);
    },
  };
}
