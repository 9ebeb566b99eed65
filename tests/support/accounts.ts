import type { Db } from '../../api/src/db/client.ts';
import { createAccountQueries } from '../../api/src/features/auth/accounts.queries.ts';
import { hashPassword } from '../../api/src/features/auth/password.ts';

/** An administrator seeded straight into a test database, before its server starts, as `npm run admin:create` would. */
export async function createAdministrator(db: Db, account: { courriel: string; motDePasse: string }) {
  createAccountQueries(db).createUser({
    courriel: account.courriel,
    passwordHash: await hashPassword(account.motDePasse),
    role: 'administrateur',
    territoires: [],
    reseaux: [],
    createdAt: new Date().toISOString(),
  });
}
