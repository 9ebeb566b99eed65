import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { copyDatabase, startServer, type RunningServer } from '../support/server.ts';
import { editInLoop, integrity, lostEdits, seedAdministrator } from './coordinator.ts';

let copy: Awaited<ReturnType<typeof copyDatabase>> | undefined;
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  copy?.remove();
});

async function until(condition: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

describe('a server killed (SIGKILL) in the middle of a burst of edits', () => {
  it('restarts on a sound database that holds every acknowledged edit with its history entry', async () => {
    copy = await copyDatabase();
    const places = await seedAdministrator(copy.path, 40);
    const first = await startServer({ REPERES_DB: copy.path });

    // Four coordinators at once, each always waiting on a write: the kill lands with writes in flight.
    const burst = await editInLoop(first.url, places, 4, 'rafale');
    await until(() => burst.acks.length >= 24 || burst.failures.length > 0, 30_000);
    const exited = new Promise((r) => first.child.once('exit', r));
    process.kill(-first.child.pid!, 'SIGKILL');
    await exited;
    await burst.done;
    expect(burst.failures).toEqual([]);
    expect(burst.acks.length).toBeGreaterThanOrEqual(5);

    const second = await startServer({ REPERES_DB: copy.path });
    servers.push(second);
    const db = openDb(copy.path, { readonly: true });
    try {
      expect(integrity(db)).toEqual(['ok']);
      expect(lostEdits(db, burst.acks)).toEqual([]);
      // The check sees a loss when there is one: an edit never made is reported.
      expect(lostEdits(db, [{ ...burst.acks[0]!, nom: 'jamais enregistré' }])).not.toEqual([]);
    } finally {
      db.close();
    }
    // The restarted server answers with the acknowledged name, not one from before the burst.
    const last = burst.acks.at(-1)!;
    const res = await fetch(`${second.url}/api/lieux/${encodeURIComponent(last.id)}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { nom: string }).nom).toMatch(/ \[rafale \d+\]$/);
  });
});
