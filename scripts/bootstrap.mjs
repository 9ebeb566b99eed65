#!/usr/bin/env node
// Brings a fresh machine (Node 20 + npm only) to a working checkout, then runs the pnpm scripts
// named on the command line: `node scripts/bootstrap.mjs data:import build serve`.
// Corepack cannot download pnpm here, so pnpm comes from the npm registry; the version is pinned
// because newer pnpm releases break `--frozen-lockfile` on this toolchain.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.4.2';
const localPrefix = join(root, '.tmp', 'pnpm');

function pnpmVersion(bin) {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function findPnpm() {
  const local = join(localPrefix, 'bin', 'pnpm');
  if (pnpmVersion(local) === PNPM_VERSION) return local;
  if (pnpmVersion('pnpm') === PNPM_VERSION) return 'pnpm';
  console.log(`[bootstrap] installation de pnpm ${PNPM_VERSION}…`);
  // A local prefix needs no root rights and never touches a pnpm the user already has.
  mkdirSync(localPrefix, { recursive: true });
  run('npm', ['install', '--global', '--prefix', localPrefix, `pnpm@${PNPM_VERSION}`, '--allow-scripts=pnpm'], {}, true);
  if (pnpmVersion(local) !== PNPM_VERSION) {
    run('npm', ['install', '--global', '--prefix', localPrefix, `pnpm@${PNPM_VERSION}`]);
  }
  return local;
}

function run(cmd, args, env = {}, tolerateFailure = false) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0 && !tolerateFailure) {
    console.error(`[bootstrap] échec : ${cmd} ${args.join(' ')}`);
    process.exit(res.status ?? 1);
  }
  return res.status === 0;
}

// node-gyp downloads Node headers unless told where they are; the machine ships them in /usr.
const buildEnv = existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {};

function sqliteLoads() {
  try {
    const require = createRequire(join(root, 'api', 'package.json'));
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

const pnpm = findPnpm();
// The package scripts call `pnpm` by name: a pnpm installed under .tmp/ must be found by them too.
if (pnpm !== 'pnpm') process.env.PATH = `${dirname(pnpm)}:${process.env.PATH ?? ''}`;
run(pnpm, ['install', '--frozen-lockfile'], buildEnv);
if (!sqliteLoads()) {
  // A failed or skipped native build leaves better-sqlite3 without its binary.
  console.log('[bootstrap] compilation de better-sqlite3…');
  run(pnpm, ['--filter', '@reperes/api', 'rebuild', 'better-sqlite3'], buildEnv);
  if (!sqliteLoads()) {
    console.error('[bootstrap] better-sqlite3 ne se charge pas : vérifiez python3, make et g++.');
    process.exit(1);
  }
}

for (const script of process.argv.slice(2)) run(pnpm, ['run', script]);
