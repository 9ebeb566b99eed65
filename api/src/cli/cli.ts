import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDbPath, openDb } from '../db/client.ts';
import { runBackup } from './backup.ts';
import { runExport } from './export.ts';
import { runImport } from './import.ts';
import { runRestore } from './restore.ts';

const USAGE = `Usage :
  npm run cli -- import FICHIER [--apply] [--lang en]   rapport d’import (essai à blanc), ou import avec --apply
  npm run cli -- export --format lmn-csv|geojson|data-inclusion [--bbox …] [--services …] [--types …] [--output FICHIER]
  npm run cli -- backup [FICHIER]                       sauvegarde vérifiée, serveur en marche (par défaut dans data/backups/)
  npm run cli -- restore FICHIER                        restaure une sauvegarde, serveur arrêté (voir docs/sauvegarde.md)
La base est REPERES_DB, ou data/build/reperes.sqlite.`;

// The script runs in api/: paths the user typed are relative to where they typed them, which
// `npm run` passes on as REPERES_CWD (scripts/bootstrap.mjs) and pnpm as INIT_CWD.
const typedIn = process.env.REPERES_CWD ?? process.env.INIT_CWD ?? process.cwd();
const userPath = (p: string) => (isAbsolute(p) ? p : resolve(typedIn, p));

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      apply: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'fr' },
      format: { type: 'string' },
      bbox: { type: 'string' },
      services: { type: 'string' },
      types: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  const lang = values.lang === 'en' ? 'en' : 'fr';
  if (command === 'import' && positionals.length === 1) {
    const db = openDb(defaultDbPath(), { readonly: !values.apply });
    try {
      return await runImport(db, userPath(positionals[0]!), { apply: values.apply, lang });
    } finally {
      db.close();
    }
  }
  if (command === 'export') {
    const db = openDb(defaultDbPath(), { readonly: true });
    try {
      const query = Object.fromEntries(
        Object.entries({ format: values.format, bbox: values.bbox, services: values.services, types: values.types }).filter((e): e is [string, string] => e[1] !== undefined),
      );
      return await runExport(db, query, values.output ? userPath(values.output) : null, lang);
    } finally {
      db.close();
    }
  }
  if (command === 'backup' && positionals.length <= 1) {
    return runBackup(defaultDbPath(), positionals[0] ? userPath(positionals[0]) : null, lang);
  }
  if (command === 'restore' && positionals.length === 1) {
    return runRestore(userPath(positionals[0]!), defaultDbPath(), lang);
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
