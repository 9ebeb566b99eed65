import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDbPath, openDb } from '../../api/src/db/client.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A private copy of the imported database for a test run, so that tests which write (accounts,
 * edits, reports) never touch data/build. SQLite's online backup gives a consistent copy even
 * while another process uses the source.
 */
export async function copyDatabase(): Promise<{ path: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'reperes-db-'));
  const path = join(dir, 'reperes.sqlite');
  const source = openDb(defaultDbPath(), { readonly: true });
  try {
    await source.backup(path);
  } finally {
    source.close();
  }
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The instant every test server and browser lives at: a Tuesday morning in Paris, not a holiday,
 * so "open now" has answers whatever the real time of day a test runs.
 */
export const TEST_NOW = '2026-11-24T10:30:00+01:00';

export type RunningServer = {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
  /** Everything the server wrote on stdout and stderr so far: tests read it for errors and for what must never be logged. */
  log: () => string;
};

/**
 * Starts the real server as production runs it (`node` on the built API, the built web app, the
 * imported SQLite) on a free port and waits until /api/health says the data is queryable. It runs
 * in its own process group: stopping kills the whole group, never processes found by name.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(repoRoot, 'api', 'dist', 'server.js')], {
    cwd: repoRoot,
    // Tests and benchmarks all come from 127.0.0.1, far faster than any person: the public rate limit is lifted.
    env: { ...process.env, REPERES_HORLOGE: TEST_NOW, PORT: String(port), HOST: '127.0.0.1', REPERES_RATE_LIMIT: '0', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Le serveur s’est arrêté :\n${log}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Le serveur ne répond pas après 60 s :\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    // A server killed by a signal has no exit code, only a signal code.
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  return { url, child, stop, log: () => log };
}
