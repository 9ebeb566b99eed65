import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '@reperes/api/db/client.ts';
import { copyDatabase, startServer } from '../support/server.ts';

/** The built server, as production runs it, on a database whose applied migrations differ from its own. */
describe('the server', () => {
  let copy: Awaited<ReturnType<typeof copyDatabase>> | undefined;
  afterAll(() => copy?.remove());

  it('refuses to start on a database that knows a migration it does not, and says why', async () => {
    copy = await copyDatabase();
    const db = openDb(copy.path);
    db.prepare("INSERT INTO _migrations (id, applied_at, checksum) VALUES ('0099_plus_tard', '2027-01-01T00:00:00Z', 'x')").run();
    db.close();
    const failure = await startServer({ REPERES_DB: copy.path }).then(
      async (s) => {
        await s.stop();
        return null;
      },
      (e: Error) => e.message,
    );
    expect(failure).toMatch(/ne correspond pas à ce code/);
    expect(failure).toMatch(/0099_plus_tard/);
  });
});
