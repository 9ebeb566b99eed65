import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { lmnSchema } from '@reperes/data/formats/lmn.ts';
import { dataDir } from '@reperes/data/csv.ts';
import { coordinationTestApp } from '../auth/testing.ts';
import { applyPlan } from './apply.ts';
import { importContext } from './import-context.ts';
import { issueMessage, problemMessage } from './messages.ts';
import { FileRefused } from './read-file.ts';
import { dryRun, importable } from './run-import.ts';

const t = coordinationTestApp();
const { db } = t;
const dir = mkdtempSync(join(tmpdir(), 'reperes-imports-'));
afterAll(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

const VALID: Record<string, string> = {
  id: 'essai-aurillac',
  pivot: '00000000000000',
  nom: 'Atelier numérique de l’essai',
  commune: 'Aurillac',
  code_postal: '15000',
  code_insee: '15014',
  adresse: '12 rue de l’Essai',
  latitude: '44.9264',
  longitude: '2.4397',
  telephone: '+33471000000',
  date_maj: '2024-05-01',
  services: 'Maîtrise des outils numériques du quotidien|Aide aux démarches administratives',
};

let n = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const path = join(dir, `fichier-${++n}.${ext}`);
  writeFileSync(path, content);
  return path;
}

const lmnCsv = (rows: Record<string, string>[], { delimiter = ',', columns = lmnSchema.columns } = {}) =>
  stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))], { delimiter });

const messages = async (path: string) => {
  const plan = await dryRun(db, path);
  return plan.report.errors.map((i) => issueMessage('fr', i));
};

const refusal = async (path: string) => {
  try {
    await dryRun(db, path);
  } catch (err) {
    if (err instanceof FileRefused) return problemMessage('fr', err.problem);
    throw err;
  }
  throw new Error('le fichier a été accepté');
};

const checksum = () =>
  db.prepare(`SELECT count(*) || ':' || total(length(nom)) || ':' || total(latitude) || ':' || total(version) || ':' ||
    (SELECT count(*) FROM lieu_sources) || ':' || (SELECT count(*) FROM journal) FROM lieux`).pluck().get() as string;

describe('the dry run of a file in the national formats', { timeout: 60_000 }, () => {
  it('says, row and column, why a value is refused, in plain French', async () => {
    const path = file(lmnCsv([VALID, { ...VALID, id: 'essai-2', code_postal: '750' }, { ...VALID, id: 'essai-3', telephone: '04 71 00 00 00', date_maj: '' }]));
    expect(await messages(path)).toEqual([
      'Ligne 3, colonne code_postal : « 750 » n’est pas un code postal (5 chiffres).',
      'Ligne 4, colonne telephone : « 04 71 00 00 00 » n’est pas un numéro au format international (par exemple +33123456789).',
      'Ligne 4, colonne date_maj : la valeur est obligatoire.',
    ]);
  });

  it('refuses a file whose rows cannot all be imported, and accepts one with only valid rows', async () => {
    expect(importable(await dryRun(db, file(lmnCsv([VALID, { ...VALID, id: 'x', services: 'Jardinage' }]))))).toBe(false);
    expect(importable(await dryRun(db, file(lmnCsv([VALID]))))).toBe(true);
  });

  it('reads UTF-8 with or without BOM, and Windows-1252 files saved by a spreadsheet', async () => {
    const text = lmnCsv([VALID]);
    const latin1 = Buffer.from(text.replaceAll('’', "'"), 'latin1');
    for (const content of [text, `\ufeff${text}`, latin1]) {
      const plan = await dryRun(db, file(content));
      expect(plan.report.errorCount).toBe(0);
      expect(plan.report.created[0]?.nom).toMatch(/^Atelier numérique de l.essai$/);
    }
    expect((await dryRun(db, file(latin1))).report.encoding).toBe('windows-1252');
  });

  it('repairs the C1 controls a wrong decoding left (U+0092 for ’) and drops U+FFFD, as for the shipped data', async () => {
    const plan = await dryRun(db, file(lmnCsv([{ ...VALID, nom: 'Maison d\u0092accueil \ufffd\u0096 Aurillac' }])));
    expect(plan.report.errorCount).toBe(0);
    expect(plan.report.created[0]?.nom).toBe('Maison d’accueil – Aurillac');
  });

  it('finds the separator, semicolon or comma, and keeps line breaks inside quoted cells', async () => {
    const plan = await dryRun(db, file(lmnCsv([{ ...VALID, adresse: '12 rue de l’Essai\nBâtiment B' }, { ...VALID, id: 'essai-2', code_postal: '1' }], { delimiter: ';' })));
    expect(plan.report.delimiter).toBe(';');
    expect(plan.report.created[0]?.nom).toBe('Atelier numérique de l’essai');
    expect(plan.report.errors.map((i) => issueMessage('fr', i))).toEqual(['Ligne 3, colonne code_postal : « 1 » n’est pas un code postal (5 chiffres).']);
  });

  it('lists unknown columns and ignores them', async () => {
    const columns = [...lmnSchema.columns, 'note_interne'];
    const plan = await dryRun(db, file(lmnCsv([{ ...VALID, note_interne: 'à revoir' }], { columns })));
    expect(plan.report.unknownColumns).toEqual(['note_interne']);
    expect(importable(plan)).toBe(true);
  });

  it('refuses a file without a required column, an empty file, a header alone and a binary file, each with its reason', async () => {
    const without = lmnSchema.columns.filter((c) => c !== 'pivot' && c !== 'date_maj');
    expect(await refusal(file(lmnCsv([VALID], { columns: without })))).toBe('Colonnes obligatoires absentes : pivot, date_maj.');
    expect(await refusal(file(''))).toBe('Le fichier est vide.');
    expect(await refusal(file('\ufeff\n'))).toBe('Le fichier est vide.');
    expect(await refusal(file(lmnCsv([])))).toBe('Le fichier ne contient que la ligne d’en-tête : aucun lieu à importer.');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await refusal(file(png))).toBe('Ce fichier n’est pas un fichier texte CSV.');
    const unclosed = `${lmnSchema.columns.join(',')}\n"essai-aurillac,00000000000000,Atelier\n`;
    expect(await refusal(file(unclosed))).toBe('Le fichier CSV est mal formé à la ligne 2 (guillemet non fermé ?).');
    expect(await refusal(file('{"lieux": 3', 'json'))).toMatch(/^Le fichier JSON est mal formé/);
  });

  it('flags an id used twice in the file, with the line of its first use', async () => {
    expect(await messages(file(lmnCsv([VALID, { ...VALID, nom: 'Autre nom' }])))).toEqual([
      'Ligne 3, colonne id : l’identifiant « essai-aurillac » est déjà utilisé ligne 2.',
    ]);
  });

  it('recognises a place already on the map by the merge rules, and shows the fields that would change', async () => {
    const place = db.prepare(`SELECT id, nom, adresse, code_postal, code_insee, commune, latitude, longitude, telephone FROM lieux
      WHERE id LIKE 'fs-%' AND adresse GLOB '[0-9]*' AND telephone IS NOT NULL ORDER BY num LIMIT 1`).get() as Record<string, string | number>;
    const row = {
      ...VALID, id: 'reseau-local-42', nom: String(place.nom), adresse: String(place.adresse), code_postal: String(place.code_postal),
      code_insee: String(place.code_insee), commune: String(place.commune), latitude: String(place.latitude),
      longitude: String(place.longitude), telephone: '+33199000000', services: '',
    };
    const plan = await dryRun(db, file(lmnCsv([row])));
    expect(plan.report.created).toEqual([]);
    expect(plan.report.updated).toHaveLength(1);
    expect(plan.report.updated[0]).toMatchObject({ id: place.id, matchedBy: 'fusion', changes: [{ field: 'telephone', before: place.telephone, after: '01 99 00 00 00' }] });
  });
});

describe('the example files of each standard', { timeout: 60_000 }, () => {
  const examples = join(dataDir, 'schemas', 'exemples');
  it.each([
    ['lieux-mediation-numerique-v1.0.2.csv', 'lmn-csv', 2],
    ['lieux-mediation-numerique-v1.0.2.json', 'lmn-json', 1],
    ['lieux-mediation-numerique-v0.csv', 'lmn-csv', 1],
    ['data-inclusion-v1.json', 'data-inclusion', 1],
  ])('%s imports cleanly', async (name, format, created) => {
    const plan = await dryRun(db, join(examples, name));
    expect(plan.report.format).toBe(format);
    expect(plan.report.errors).toEqual([]);
    expect(plan.report.created).toHaveLength(created);
    expect(importable(plan)).toBe(true);
  });

  it('the France Services list of data/sources matches its places on the map without change', async () => {
    const lines = gunzipSync(readFileSync(join(dataDir, 'sources', 'france-services', 'france-services-2024-08-01.csv.gz'))).toString('utf8').split('\n');
    const plan = await dryRun(db, file(lines.slice(0, 200).join('\n')));
    expect(plan.report.format).toBe('france-services');
    expect(plan.report.created).toEqual([]);
    expect(plan.report.updated).toEqual([]);
    expect(plan.report.unchanged).toBe(plan.report.valid);
    expect(plan.report.valid).toBeGreaterThan(190);
  });

  it('a data·inclusion structure that breaks its JSON Schema is refused with the field at fault', async () => {
    const value = JSON.parse(readFileSync(join(examples, 'data-inclusion-v1.json'), 'utf8'));
    value.structures[0].code_postal = '4610';
    delete value.structures[0].date_maj;
    const plan = await dryRun(db, file(JSON.stringify(value), 'json'));
    expect(plan.report.errors.map((i) => issueMessage('fr', i, true))).toEqual([
      'Élément 1, colonne date_maj : la valeur est obligatoire.',
      'Élément 1, colonne code_postal : « 4610 » n’est pas un code postal (5 chiffres).',
    ]);
  });
});

describe('applying a file', { timeout: 60_000 }, () => {
  const ctx = importContext();
  const author = { userId: null, fileName: 'essai.csv', at: '2026-03-03T09:00:00.000Z' };

  it('creates and updates places in one go, records them in the history, and changes nothing the second time', async () => {
    const existing = db.prepare(`SELECT id, nom FROM lieux WHERE id LIKE 'fs-%' ORDER BY num LIMIT 1`).get() as { id: string; nom: string };
    const content = lmnCsv([VALID, { ...VALID, id: existing.id, nom: `${existing.nom} (nouveau nom)`, services: '' }]);
    const first = await dryRun(db, file(content));
    expect(applyPlan(db, ctx, first, author)).toEqual({ created: 1, updated: 1 });
    expect(db.prepare('SELECT nom, version FROM lieux WHERE id = ?').get(existing.id)).toMatchObject({ nom: `${existing.nom} (nouveau nom)` });
    const history = db.prepare(`SELECT action, lieu_id FROM journal WHERE commentaire = 'Import du fichier « essai.csv »' ORDER BY id`).all();
    expect(history).toEqual([
      { action: 'creation', lieu_id: first.report.created[0]!.id },
      { action: 'modification', lieu_id: existing.id },
      { action: 'import', lieu_id: null },
    ]);
    const second = await dryRun(db, file(content));
    expect(second.report.created).toEqual([]);
    expect(second.report.updated).toEqual([]);
    expect(second.report.unchanged).toBe(2);
  });

  it('leaves the database exactly as it was when the apply fails part-way', async () => {
    const plan = await dryRun(db, file(lmnCsv([{ ...VALID, id: 'essai-rollback', nom: 'Lieu de l’essai d’annulation' }])));
    const taken = db.prepare('SELECT id FROM lieux ORDER BY num LIMIT 1').pluck().get() as string;
    // A second insert under an id already in use: the UNIQUE constraint fails after the first insert.
    plan.inserts.push({ ...plan.inserts[0]!, lieu: { ...plan.inserts[0]!.lieu, id: taken } });
    const before = checksum();
    expect(() => applyPlan(db, ctx, plan, author)).toThrow(/UNIQUE/);
    expect(checksum()).toBe(before);
    expect(db.prepare('SELECT count(*) FROM lieux WHERE nom = ?').pluck().get('Lieu de l’essai d’annulation')).toBe(0);
  });
});
