#!/usr/bin/env node
// Runs every Vitest suite once and ends with the line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs a Debian package when its program is missing and we may (root, as in CI). */
function ensureDebianPackage(program, pkg, why) {
  if (existsSync(program) || process.getuid?.() !== 0) return;
  console.log(`[tests] installation de ${pkg} (paquet Debian) : ${why}`);
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

ensureDebianPackage(chromium, 'chromium', 'les tests de bout en bout tournent dans un vrai navigateur');
ensureDebianPackage('/usr/bin/pdftotext', 'poppler-utils', 'le test de la fiche lit le PDF imprimé (pdftotext, pdftoppm)');
if (!existsSync(chromium)) {
  console.error(`[tests] Chromium introuvable (${chromium}) : installez le paquet « chromium » ou définissez CHROMIUM_PATH.`);
}

// The rules that check themselves come first, each counted as one result: types of every
// package, lint, and the layering of the workspace.
let passed = 0;
let failed = 0;
for (const [name, args] of [
  ['typecheck', ['exec', 'tsc', '-p', 'tsconfig.json']],
  ['typecheck (web)', ['exec', 'tsc', '-p', 'web/tsconfig.json']],
  ['lint', ['exec', 'eslint', '.']],
  ['dependency rule', ['exec', 'depcruise', 'api/src', 'data/src', 'web/src', 'tests', '--config', '.dependency-cruiser.cjs']],
]) {
  console.log(`[tests] ${name}…`);
  const check = spawnSync('pnpm', ['--silent', ...args], { cwd: root, stdio: 'inherit' });
  if (check.status === 0) passed += 1;
  else {
    failed += 1;
    console.error(`[tests] échec : ${name}`);
  }
}

const artifacts = join(root, 'tests', 'artifacts');
mkdirSync(artifacts, { recursive: true });
const report = join(artifacts, 'vitest-report.json');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const res = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

let vitestFailed = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests ?? 0;
  // A file that fails to load has no test results but is a failure all the same.
  vitestFailed = (r.numFailedTests ?? 0) + (r.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
}
if (res.status !== 0 && vitestFailed === 0) vitestFailed = 1;
failed += vitestFailed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
