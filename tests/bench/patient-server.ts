/**
 * The real server on a scaled database. Like `startServer` (tests/support/server.ts), whose 60 s
 * wait suits the real data, but patient: at 16× the data, building the in-memory index takes about
 * a minute on a busy 2-core machine, and how long it takes is one of the figures measured.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, repoRoot, TEST_NOW } from '../support/server.ts';

export type BenchServer = { url: string; pid: number; startupSeconds: number; stop: () => Promise<void> };

export async function startPatientServer(dbPath: string, timeoutMs = 10 * 60_000): Promise<BenchServer> {
  const port = await freePort();
  const started = performance.now();
  // The built server, as production runs it (npm start): its start time is one of the figures.
  const child = spawn(process.execPath, [join(repoRoot, 'api', 'dist', 'server.js')], {
    cwd: repoRoot,
    env: { ...process.env, REPERES_DB: dbPath, REPERES_HORLOGE: TEST_NOW, PORT: String(port), HOST: '127.0.0.1', REPERES_RATE_LIMIT: '0' },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d) => (errors += d));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Le serveur s’est arrêté :\n${errors}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`Le serveur ne répond pas après ${timeoutMs / 1000} s :\n${errors}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid!, startupSeconds: (performance.now() - started) / 1000, stop };
}
