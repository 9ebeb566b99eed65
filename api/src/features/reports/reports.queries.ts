import type { Db } from '../../db/client.ts';
import type { User as Account } from '../../contract/coordination.ts';
import { scopeSql } from '../auth/scope.ts';
import { statements } from '../auth/statements.ts';

export type Statut = 'ouvert' | 'corrige' | 'rejete';

export type SignalementRow = {
  id: number; lieu_id: string; motif: string; commentaire: string | null; statut: Statut; cree_le: string;
  traite_le: string | null; traite_par: string | null; reponse: string | null;
};

const COLUMNS = `s.id, s.lieu_id, s.motif, s.commentaire, s.statut, s.created_at AS cree_le, s.resolved_at AS traite_le,
  u.courriel AS traite_par, s.reponse`;

const SQL = {
  insert: 'INSERT INTO signalements (lieu_id, motif, commentaire, created_at) VALUES (?, ?, ?, ?)',
  byId: `SELECT ${COLUMNS} FROM signalements s LEFT JOIN users u ON u.id = s.resolved_by WHERE s.id = ?`,
  resolve: `UPDATE signalements SET statut = ?, resolved_at = ?, resolved_by = ?, reponse = ? WHERE id = ? AND statut = 'ouvert'`,
} as const;

export function createSignalementQueries(db: Db) {
  const s = statements(db, SQL);
  return {
    insert: (lieuId: string, motif: string, commentaire: string | null, at: string) => s.insert.run(lieuId, motif, commentaire, at),
    byId: (id: number) => s.byId.get(id) as SignalementRow | undefined,
    /** Only an open report can be handled, once: the WHERE makes a second coordinator's answer a no-op. */
    resolve: (id: number, statut: Exclude<Statut, 'ouvert'>, at: string, userId: number, reponse: string | null) =>
      s.resolve.run(statut, at, userId, reponse, id).changes === 1,
    /** The account's queue: reports on places in its scope, newest first. */
    list(account: Account, q: { statut: Statut; limit: number; offset: number }) {
      const scope = scopeSql(account);
      const from = `FROM signalements s JOIN lieux l ON l.id = s.lieu_id LEFT JOIN users u ON u.id = s.resolved_by
        WHERE s.statut = ? AND ${scope.where}`;
      const params = [q.statut, ...scope.params];
      const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(...params) as number;
      const rows = db
        .prepare(`SELECT ${COLUMNS}, l.nom, l.commune, l.departement ${from} ORDER BY s.id DESC LIMIT ? OFFSET ?`)
        .all(...params, q.limit, q.offset) as (SignalementRow & { nom: string; commune: string | null; departement: string | null })[];
      const items = rows.map(({ lieu_id, nom, commune, departement, ...r }) => ({ ...r, lieu: { id: lieu_id, nom, commune, departement } }));
      return { total, limit: q.limit, offset: q.offset, items };
    },
  };
}
