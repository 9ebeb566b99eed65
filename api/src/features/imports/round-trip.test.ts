import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDbPath } from '../../db/client.ts';
import { realApp } from '../../testing/real-db.ts';
import { importable, dryRun } from './run-import.ts';

const { app, db } = realApp();
const dir = mkdtempSync(join(tmpdir(), 'reperes-aller-retour-'));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function download(url: string, path: string) {
  const res = await app.request(url);
  expect(res.status).toBe(200);
  writeFileSync(path, Buffer.from(await res.arrayBuffer()));
}

describe('an export re-imported', { timeout: 180_000 }, () => {
  it('takes back every row it can and changes nothing: the whole dataset in LMN CSV gives 0 new and 0 updated places', async () => {
    const path = join(dir, 'export.csv');
    await download('/api/export?format=lmn-csv', path);
    const { report } = await dryRun(db, path);
    const total = db.prepare('SELECT count(*) FROM lieux WHERE archived_at IS NULL').pluck().get() as number;
    expect(report.rows).toBe(total);
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.unchanged).toBe(report.valid);
    // Places known by their commune alone (no street address in any source) come back with a warning, not refused.
    // Refused: only the places whose commune no source names nor can be told from their point,
    // which the standard requires (about 50, in Corsica).
    const withoutCommune = db.prepare('SELECT count(*) FROM lieux WHERE archived_at IS NULL AND commune IS NULL').pluck().get() as number;
    expect(withoutCommune).toBeLessThan(60);
    expect(report.errors.filter((e) => !(e.code === 'requis' && e.column === 'commune'))).toEqual([]);
    expect(report.errorCount).toBe(withoutCommune);
    expect(report.valid).toBe(total - withoutCommune);
    expect(report.warningCount).toBeGreaterThan(1000);
    expect(report.warnings.some((w) => w.code === 'adresse_absente')).toBe(true);
  });

  it('changes nothing in data·inclusion JSON either', async () => {
    const path = join(dir, 'export.json');
    await download('/api/export?format=data-inclusion&bbox=-1.8,47.0,-1.4,47.4', path);
    const plan = await dryRun(db, path);
    expect(plan.report.rows).toBeGreaterThan(50);
    expect(plan.report.errors).toEqual([]);
    expect(plan.report.created).toEqual([]);
    expect(plan.report.updated).toEqual([]);
    expect(importable(plan)).toBe(true);
  });
});

describe('a 50 MB file', { timeout: 300_000 }, () => {
  it('is read as a stream: the command line reports on every row with a bounded memory', async () => {
    const exported = join(dir, 'base.csv');
    await download('/api/export?format=lmn-csv', exported);
    const big = join(dir, 'gros.csv');
    const out = createWriteStream(big);
    let size = 0;
    for (let copy = 0; size < 50 * 1024 * 1024; copy++) {
      let first = true;
      for await (const line of createInterface({ input: createReadStream(exported) })) {
        const header = first;
        first = false;
        if (header && copy > 0) continue;
        size += Buffer.byteLength(line) + 1;
        if (!out.write(`${line}\n`)) await once(out, 'drain');
      }
    }
    out.end();
    await once(out, 'finish');

    const cli = fileURLToPath(new URL('../../cli/cli.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
    // A heap limit well below the file's size: a reader that kept rows would run out of memory.
    const env = { ...process.env, REPERES_DB: defaultDbPath(), NODE_OPTIONS: '--max-old-space-size=192' };
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(tsx, [cli, 'import', big], { env, maxBuffer: 16 * 1024 * 1024 }, (_err, stdout, stderr) =>
        resolve({ code: child.exitCode, stdout, stderr }));
    });
    // Each copy after the first repeats the ids of the first: those rows are refused, so the exit code is 1.
    expect(code).toBe(1);
    expect(Number(/(\d+) lignes lues/.exec(stdout)?.[1])).toBeGreaterThan(150_000);
    expect(Number(/Erreurs : (\d+)/.exec(stdout)?.[1])).toBeGreaterThan(120_000);
    const peak = Number(/mémoire maximale : (\d+) Mo/.exec(stderr)?.[1]);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(300);
  });
});
