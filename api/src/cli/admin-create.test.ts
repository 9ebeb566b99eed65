import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/client.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'reperes-admin-'));
const dbPath = join(dir, 'reperes.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run admin:create` as a script would: answers piped on stdin, no terminal. */
const run = (input: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(here, 'admin-create.ts')], {
    cwd: join(here, '..', '..'), input, encoding: 'utf8', env: { ...process.env, REPERES_DB: dbPath, ...env }, timeout: 60_000,
  });

describe('npm run admin:create', () => {
  it('creates the first administrator from an e-mail and a password piped on stdin', () => {
    const res = run('Premiere.Admin@reperes.test\nTrois pommes vertes et un kiwi\n');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Administrateur créé : premiere.admin@reperes.test');
    const db = openDb(dbPath, { readonly: true });
    const row = db.prepare('SELECT role, password_hash FROM users WHERE courriel = ?').get('premiere.admin@reperes.test') as any;
    db.close();
    expect(row.role).toBe('administrateur');
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('pommes');
  }, 60_000);

  it('refuses a weak password, and an e-mail that already has an account', () => {
    const weak = run('', { REPERES_ADMIN_EMAIL: 'autre@reperes.test', REPERES_ADMIN_PASSWORD: 'motdepasse123' });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('Ce mot de passe est trop courant.');
    const twice = run('premiere.admin@reperes.test\nUn autre mot de passe solide\n');
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('Un compte existe déjà pour cette adresse e-mail.');
  }, 60_000);
});
