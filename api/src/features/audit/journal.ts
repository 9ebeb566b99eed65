import type { Db } from '../../db/client.ts';
import { statements } from '../auth/statements.ts';

export type JournalAction =
  | 'creation' | 'modification' | 'archivage' | 'desarchivage' | 'restauration' | 'verification' | 'import' | 'signalement';

/** Actions that change a place's data, and so its version. */
export const DATA_ACTIONS: JournalAction[] = ['creation', 'modification', 'archivage', 'desarchivage', 'restauration'];

export type JournalEntry = {
  lieuId: string | null;
  action: JournalAction;
  version: number | null;
  userId: number | null;
  at: string;
  commentaire?: string | null;
  avant?: Record<string, unknown>;
  apres?: Record<string, unknown>;
  signalementId?: number | null;
};

type Row = {
  id: number; action: JournalAction; version: number | null; auteur: string | null; le: string; commentaire: string | null;
  avant: string; apres: string; signalement_id: number | null;
};

/**
 * The history of every change. It is append-only: this module only INSERTs and SELECTs, and
 * triggers in 0003_coordination.sql abort any UPDATE or DELETE, whoever sends it.
 */
const SQL = {
  append: `INSERT INTO journal (lieu_id, action, version, user_id, created_at, commentaire, avant, apres, signalement_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  history: `
    SELECT j.id, j.action, j.version, u.courriel AS auteur, j.created_at AS le, j.commentaire, j.avant, j.apres, j.signalement_id
    FROM journal j LEFT JOIN users u ON u.id = j.user_id
    WHERE j.lieu_id = ? ORDER BY j.id DESC`,
  lastChange: `
    SELECT u.courriel AS modifie_par, j.created_at AS modifie_le
    FROM journal j LEFT JOIN users u ON u.id = j.user_id
    WHERE j.lieu_id = ? AND j.action IN (${DATA_ACTIONS.map((a) => `'${a}'`).join(', ')})
    ORDER BY j.id DESC LIMIT 1`,
  changesAfter: `SELECT version, avant FROM journal WHERE lieu_id = ? AND version > ? AND action IN (${DATA_ACTIONS.map((a) => `'${a}'`).join(', ')}) ORDER BY id DESC`,
} as const;

export type Journal = ReturnType<typeof createJournal>;

export function createJournal(db: Db) {
  const s = statements(db, SQL);

  return {
    append(e: JournalEntry): number {
      const info = s.append.run(
        e.lieuId, e.action, e.version, e.userId, e.at, e.commentaire ?? null,
        JSON.stringify(e.avant ?? {}), JSON.stringify(e.apres ?? {}), e.signalementId ?? null,
      );
      return Number(info.lastInsertRowid);
    },
    history: (lieuId: string) =>
      (s.history.all(lieuId) as Row[]).map((r) => ({ ...r, avant: JSON.parse(r.avant), apres: JSON.parse(r.apres) })),
    lastChange: (lieuId: string) =>
      (s.lastChange.get(lieuId) as { modifie_par: string | null; modifie_le: string } | undefined) ?? { modifie_par: null, modifie_le: null },
    /** The "before" side of every data change after `version`, newest first: walking them back gives that version. */
    changesAfter: (lieuId: string, version: number) =>
      (s.changesAfter.all(lieuId, version) as { version: number; avant: string }[]).map((r) => ({
        version: r.version, avant: JSON.parse(r.avant) as Record<string, unknown>,
      })),
  };
}
