import type { Tranche } from '../../contract/coordination.ts';
import type { Db } from '../../db/client.ts';
import type { User as Account } from '../../contract/coordination.ts';
import { scopeSql } from '../auth/scope.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Conditions on `l.verifie_le`; the thresholds are ISO dates this module computes, never input. */
const trancheSql = (t12: string, t6: string): Record<Tranche, string> => ({
  jamais: 'l.verifie_le IS NULL',
  'plus-12-mois': `l.verifie_le < '${t12}'`,
  'plus-6-mois': `l.verifie_le >= '${t12}' AND l.verifie_le < '${t6}'`,
  recent: `l.verifie_le >= '${t6}'`,
});

type Counts = { jamais: number; plus_12_mois: number; plus_6_mois: number; recent: number };

/**
 * Queries that depend on who asks: the scope becomes part of the SQL, so each is prepared per
 * call (a few µs) rather than once.
 */
export function createCoordinationQueries(db: Db) {
  return {
    freshness(account: Account, now: number, q: { tranche: Tranche; departement?: string; limit: number; offset: number }) {
      const scope = scopeSql(account);
      const sql = trancheSql(new Date(now - 365 * DAY_MS).toISOString(), new Date(now - 182 * DAY_MS).toISOString());
      const base = `FROM lieux l WHERE l.archived_at IS NULL AND ${scope.where}`;
      const perDepartement = db
        .prepare(
          `SELECT l.departement,
             sum(${sql.jamais}) AS jamais, sum(${sql['plus-12-mois']}) AS plus_12_mois,
             sum(${sql['plus-6-mois']}) AS plus_6_mois, sum(${sql.recent}) AS recent
           ${base} GROUP BY l.departement ORDER BY l.departement`,
        )
        .all(...scope.params) as ({ departement: string | null } & Counts)[];
      const totaux: Counts = { jamais: 0, plus_12_mois: 0, plus_6_mois: 0, recent: 0 };
      for (const d of perDepartement) for (const k of Object.keys(totaux) as (keyof Counts)[]) totaux[k] += d[k];
      const where = `${base} AND ${sql[q.tranche]}${q.departement ? ' AND l.departement = ?' : ''}`;
      const params = q.departement ? [...scope.params, q.departement] : scope.params;
      const total = db.prepare(`SELECT count(*) ${where}`).pluck().get(...params) as number;
      const items = db
        .prepare(
          `SELECT l.id, l.nom, l.commune, l.departement, l.verifie_le, l.date_maj, l.version ${where}
           ORDER BY l.verifie_le, l.date_maj, l.nom, l.id LIMIT ? OFFSET ?`,
        )
        .all(...params, q.limit, q.offset);
      return { totaux, par_departement: perDepartement, tranche: q.tranche, total, limit: q.limit, offset: q.offset, items };
    },
    search(account: Account, q: { q?: string; archive: boolean; limit: number; offset: number }) {
      const scope = scopeSql(account);
      const text = q.q ? `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
      const where = `FROM lieux l WHERE ${scope.where} AND l.archived_at IS ${q.archive ? 'NOT NULL' : 'NULL'}
        ${text ? "AND (l.nom LIKE ? ESCAPE '\\' OR l.commune LIKE ? ESCAPE '\\' OR l.id = ?)" : ''}`;
      const params = text ? [...scope.params, text, text, q.q!] : scope.params;
      const total = db.prepare(`SELECT count(*) ${where}`).pluck().get(...params) as number;
      const items = (
        db
          .prepare(`SELECT l.id, l.nom, l.commune, l.departement, l.version, l.verifie_le, l.archived_at ${where} ORDER BY l.nom, l.id LIMIT ? OFFSET ?`)
          .all(...params, q.limit, q.offset) as { archived_at: string | null }[]
      ).map(({ archived_at, ...r }) => ({ ...r, archive: archived_at !== null }));
      return { total, limit: q.limit, offset: q.offset, items };
    },
  };
}
