import type { Role, User as Account } from '../../contract/coordination.ts';
import type { Db } from '../../db/client.ts';
import { statements } from './statements.ts';

export type { Account, Role };

type UserRow = {
  id: number; courriel: string; password_hash: string; role: Role; territoires: string; reseaux: string;
  created_at: string; disabled_at: string | null;
};

export type SessionRow = {
  id_hash: string; user_id: number; csrf: string; created_at: number; expires_at: number; last_seen_at: number;
};

type InvitationRow = {
  token_hash: string; courriel: string; role: Role; territoires: string; reseaux: string;
  created_at: number; expires_at: number; used_at: number | null;
};

const SQL = {
  userByEmail: 'SELECT * FROM users WHERE courriel = ? AND disabled_at IS NULL',
  userById: 'SELECT * FROM users WHERE id = ? AND disabled_at IS NULL',
  anyUserByEmail: 'SELECT id FROM users WHERE courriel = ?',
  insertUser: `INSERT INTO users (courriel, password_hash, role, territoires, reseaux, created_at)
    VALUES (@courriel, @password_hash, @role, @territoires, @reseaux, @created_at)`,
  listUsers: 'SELECT * FROM users ORDER BY role, courriel',
  disableUser: 'UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL',
  insertSession: `INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at, last_seen_at)
    VALUES (@id_hash, @user_id, @csrf, @created_at, @expires_at, @last_seen_at)`,
  sessionByHash: 'SELECT * FROM sessions WHERE id_hash = ?',
  touchSession: 'UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?',
  deleteSession: 'DELETE FROM sessions WHERE id_hash = ?',
  deleteUserSessions: 'DELETE FROM sessions WHERE user_id = ?',
  deleteExpiredSessions: 'DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?',
  insertInvitation: `INSERT INTO invitations (token_hash, courriel, role, territoires, reseaux, created_by, created_at, expires_at)
    VALUES (@token_hash, @courriel, @role, @territoires, @reseaux, @created_by, @created_at, @expires_at)`,
  invitationByHash: 'SELECT * FROM invitations WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
  useInvitation: 'UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
  pendingInvitations: 'SELECT * FROM invitations WHERE used_at IS NULL AND expires_at > ? ORDER BY created_at DESC',
} as const;

const toAccount = (r: UserRow): Account => ({
  id: r.id, courriel: r.courriel, role: r.role, territoires: JSON.parse(r.territoires), reseaux: JSON.parse(r.reseaux),
});

export type AccountQueries = ReturnType<typeof createAccountQueries>;

export function createAccountQueries(db: Db) {
  const s = statements(db, SQL);

  return {
    credentials(courriel: string) {
      const row = s.userByEmail.get(courriel) as UserRow | undefined;
      return row && { account: toAccount(row), passwordHash: row.password_hash };
    },
    account(id: number) {
      const row = s.userById.get(id) as UserRow | undefined;
      return row && toAccount(row);
    },
    emailTaken: (courriel: string) => s.anyUserByEmail.get(courriel) !== undefined,
    createUser(a: Omit<Account, 'id'> & { passwordHash: string; createdAt: string }): number {
      const info = s.insertUser.run({
        courriel: a.courriel, password_hash: a.passwordHash, role: a.role, territoires: JSON.stringify(a.territoires),
        reseaux: JSON.stringify(a.reseaux), created_at: a.createdAt,
      });
      return Number(info.lastInsertRowid);
    },
    listUsers: () =>
      (s.listUsers.all() as UserRow[]).map((r) => ({ ...toAccount(r), cree_le: r.created_at, actif: r.disabled_at === null })),
    disableUser(id: number, at: string) {
      const done = db.transaction(() => {
        const changed = s.disableUser.run(at, id).changes === 1;
        if (changed) s.deleteUserSessions.run(id);
        return changed;
      });
      return done.immediate();
    },
    insertSession: (row: SessionRow) => s.insertSession.run(row),
    session: (idHash: string) => s.sessionByHash.get(idHash) as SessionRow | undefined,
    touchSession: (idHash: string, at: number) => s.touchSession.run(at, idHash),
    deleteSession: (idHash: string) => s.deleteSession.run(idHash),
    deleteExpiredSessions: (now: number, idleSince: number) => s.deleteExpiredSessions.run(now, idleSince),
    insertInvitation: (row: Omit<InvitationRow, 'used_at'> & { created_by: number }) => s.insertInvitation.run(row),
    invitation(tokenHash: string, now: number) {
      const row = s.invitationByHash.get(tokenHash, now) as InvitationRow | undefined;
      return row && { ...row, territoires: JSON.parse(row.territoires) as string[], reseaux: JSON.parse(row.reseaux) as string[] };
    },
    useInvitation: (tokenHash: string, at: number) => s.useInvitation.run(at, tokenHash).changes === 1,
    pendingInvitations: (now: number) =>
      (s.pendingInvitations.all(now) as InvitationRow[]).map((r) => ({
        courriel: r.courriel, role: r.role, territoires: JSON.parse(r.territoires) as string[],
        reseaux: JSON.parse(r.reseaux) as string[], cree_le: new Date(r.created_at).toISOString(),
        expire_le: new Date(r.expires_at).toISOString(),
      })),
  };
}
