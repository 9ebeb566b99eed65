#!/usr/bin/env node
// Brings a fresh machine (Node 20 + npm only) to a working checkout, then runs the steps named on
// the command line, so that every `npm run …` of README works without pnpm on the PATH:
//   node scripts/bootstrap.mjs api/build web/build api/serve
// `api/serve` is the script `serve` of the package in api/ (`web/…`, `tests/…` likewise); a
// step without a slash is a script of the root package.json. Words after `--` go to the last
// step: `npm run cli -- import lieux.csv` runs `node scripts/bootstrap.mjs api/build api/cli -- import lieux.csv`.
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
  console.error(`[bootstrap] installation de pnpm ${PNPM_VERSION}…`);
  // A local prefix needs no root rights and never touches a pnpm the user already has.
  mkdirSync(localPrefix, { recursive: true });
  run('npm', ['install', '--global', '--prefix', localPrefix, `pnpm@${PNPM_VERSION}`, '--allow-scripts=pnpm'], {}, true);
  if (pnpmVersion(local) !== PNPM_VERSION) {
    run('npm', ['install', '--global', '--prefix', localPrefix, `pnpm@${PNPM_VERSION}`]);
  }
  return local;
}

// Installing and building write on stderr: a command's own output (an export on stdout) stays clean.
const QUIET = ['inherit', process.stderr, 'inherit'];

function run(cmd, args, env = {}, tolerateFailure = false, stdio = QUIET) {
  const res = spawnSync(cmd, args, { cwd: root, stdio, env: { ...process.env, ...env } });
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
  console.error('[bootstrap] compilation de better-sqlite3…');
  run(pnpm, ['--filter', '@reperes/api', 'rebuild', 'better-sqlite3'], buildEnv);
  if (!sqliteLoads()) {
    console.error('[bootstrap] better-sqlite3 ne se charge pas : vérifiez python3, make et g++.');
    process.exit(1);
  }
}

const argv = process.argv.slice(2);
const cut = argv.indexOf('--');
const steps = cut === -1 ? argv : argv.slice(0, cut);
const extra = cut === -1 ? [] : argv.slice(cut + 1);
const PACKAGES = { api: '@reperes/api', web: '@reperes/web', tests: '@reperes/tests' };
steps.forEach((step, i) => {
  const [pkg, script] = step.includes('/') ? step.split('/', 2) : [null, step];
  const args = i === steps.length - 1 ? extra : [];
  if (pkg !== null && !(pkg in PACKAGES)) {
    console.error(`[bootstrap] paquet inconnu : ${pkg} (api, web ou tests)`);
    process.exit(2);
  }
  // pnpm hands every word after the script's name to the script, options included.
  const target = pkg === null ? [] : ['--filter', PACKAGES[pkg]];
  const command = ['--silent', ...target, 'run', script, ...args];
  if (i < steps.length - 1) return void run(pnpm, command);
  // The last step is the command the person asked for: its exit code is theirs (1: rows to fix).
  // pnpm sets INIT_CWD to the root again: where the person typed the command travels on its own.
  const typedIn = process.env.REPERES_CWD ?? process.env.INIT_CWD ?? process.cwd();
  const res = spawnSync(pnpm, command, { cwd: root, stdio: 'inherit', env: { ...process.env, REPERES_CWD: typedIn } });
  process.exitCode = res.status ?? 1;
});
