import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import opening_hours from 'opening_hours';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPersonalEmail } from '@reperes/data/contacts.ts';
import { mask, type Lieu } from '@reperes/data/lieux.ts';
import { META_KEYS } from '@reperes/data/pipeline.ts';
import type { ImportSummary } from '@reperes/data/summary.ts';
import { loadVocabulary } from '@reperes/data/vocabulary.ts';
import { openDb, type Db } from '../../db/client.ts';
import { importShippedData as runImport } from './import-shipped.ts';
import { writeTables } from './write-tables.ts';

const TABLES: Record<string, string> = {
  services: 'SELECT * FROM services ORDER BY id',
  types: 'SELECT * FROM types ORDER BY id',
  sources: 'SELECT * FROM sources ORDER BY id',
  lieux: 'SELECT * FROM lieux ORDER BY num',
  lieux_geo: 'SELECT * FROM lieux_geo ORDER BY num',
  lieu_sources: 'SELECT * FROM lieu_sources ORDER BY source_id, source_ref',
  meta: 'SELECT * FROM meta ORDER BY key',
};

function checksums(db: Db): Record<string, string> {
  return Object.fromEntries(
    Object.entries(TABLES).map(([table, sql]) => [
      table,
      createHash('sha256').update(JSON.stringify(db.prepare(sql).raw().all(), (_, v) => (typeof v === 'bigint' ? String(v) : v))).digest('hex'),
    ]),
  );
}

const withoutClock = ({ elapsedMs: _, ...rest }: ImportSummary) => rest;

let dir: string;
let dbPath: string;
let first: ImportSummary;
let second: ImportSummary;
let afterFirst: Record<string, string>;
let db: Db;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reperes-import-'));
  dbPath = join(dir, 'reperes.sqlite');
  first = runImport({ dbPath });
  const check = openDb(dbPath, { readonly: true });
  afterFirst = checksums(check);
  check.close();
  second = runImport({ dbPath });
  db = openDb(dbPath);
}, 240_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('full import', () => {
  it('is idempotent: a second import gives the same table contents and summary', () => {
    expect(checksums(db)).toEqual(afterFirst);
    expect(withoutClock(second)).toEqual(withoutClock(first));
  });

  it('accounts for every row read: kept + merged + rejected', () => {
    for (const s of first.sources) {
      const rejected = Object.values(s.rejected).reduce((a, b) => a + b, 0);
      expect(s.kept + s.merged + rejected, s.source).toBe(s.read);
    }
    const bySource = Object.fromEntries(first.sources.map((s) => [s.source, s]));
    expect(bySource['france-services-2024-08-01']!.read).toBe(2845);
    expect(bySource['lmn-nouvelle-caledonie-2024-03']!.kept + bySource['lmn-nouvelle-caledonie-2024-03']!.merged).toBe(0);
    expect(bySource['bibliotheques-2020']!.rejected["adresse administrative (pas d'accueil du public)"]).toBe(298);
    expect(bySource['france-travail-2019']!.kept + bySource['france-travail-2019']!.merged).toBe(852);
    expect(bySource['pimms-2024']!.merged).toBe(158);
    const lieux = db.prepare('SELECT count(*) FROM lieux').pluck().get();
    expect(lieux).toBe(first.lieux);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'lieux_count'").pluck().get()).toBe(String(first.lieux));
    expect(JSON.parse(db.prepare("SELECT value FROM meta WHERE key = 'import_summary'").pluck().get() as string)).toEqual(withoutClock(first));
  });

  it('writes masks that agree with the id arrays', () => {
    const serviceBits = new Map(db.prepare('SELECT id, bit FROM services').raw().all() as [string, number][]);
    const typeBits = new Map(db.prepare('SELECT id, bit FROM types').raw().all() as [string, number][]);
    const rows = db.prepare('SELECT services, types, services_mask, types_mask FROM lieux').safeIntegers().all() as {
      services: string;
      types: string;
      services_mask: bigint;
      types_mask: bigint;
    }[];
    const wrong = rows.filter(
      (r) =>
        r.services_mask !== mask((JSON.parse(r.services) as string[]).map((s) => serviceBits.get(s)!)) ||
        r.types_mask !== mask((JSON.parse(r.types) as string[]).map((t) => typeBits.get(t)!)) ||
        r.types_mask === 0n,
    );
    expect(rows.length).toBe(first.lieux);
    expect(wrong).toEqual([]);
  });

  it('gives every place its point in the R*Tree and its provenance', () => {
    expect(db.prepare('SELECT count(*) FROM lieux_geo').pluck().get()).toBe(first.lieux);
    const far = db
      .prepare('SELECT count(*) FROM lieux l JOIN lieux_geo g USING (num) WHERE abs(g.min_lat - l.latitude) > 1e-4 OR abs(g.min_lon - l.longitude) > 1e-4')
      .pluck()
      .get();
    expect(far).toBe(0);
    expect(db.prepare('SELECT count(*) FROM lieux WHERE num NOT IN (SELECT lieu_num FROM lieu_sources)').pluck().get()).toBe(0);
    const stale = db
      .prepare('SELECT count(*) FROM lieux l WHERE l.date_maj IS NOT (SELECT max(date_maj) FROM lieu_sources s WHERE s.lieu_num = l.num)')
      .pluck()
      .get();
    expect(stale).toBe(0);
  });

  it('has exactly the France Services of the 2024 list (minus the 2 in Saint-Martin), each from that list', () => {
    const fs = db.prepare("SELECT count(*) FROM lieux, json_each(lieux.types) t WHERE t.value = 'france-services'").pluck().get();
    expect(fs).toBe(2843);
    const labelled = db.prepare(`SELECT count(*) FROM lieux, json_each(lieux.labels) l WHERE l.value = 'France Services'
      AND num NOT IN (SELECT lieu_num FROM lieu_sources WHERE source_id = 'france-services-2024-08-01')`).pluck().get();
    expect(labelled).toBe(0);
  });

  it('writes the vocabularies of the contract, and only types that have places', () => {
    expect(db.prepare('SELECT count(*) FROM services').pluck().get()).toBe(21);
    expect(db.prepare("SELECT label FROM types WHERE id = 'france-services'").pluck().get()).toBe('France Services');
    const unused = db.prepare("SELECT count(*) FROM types t WHERE NOT EXISTS (SELECT 1 FROM lieux, json_each(lieux.types) j WHERE j.value = t.id)").pluck().get();
    expect(unused).toBe(0);
  });

  it('holds no control character, no C1 control left by a wrong decoding and no U+FFFD, in any text of any place or commune', () => {
    // The LMN export alone carried about a thousand U+0092 for ’ before the repair.
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    const unwanted = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;
    const texts = (table: string) =>
      (db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][]).flat().filter((v): v is string => typeof v === 'string');
    for (const table of ['lieux', 'communes', 'sources', 'services', 'types']) {
      expect(texts(table).filter((v) => unwanted.test(v)), table).toEqual([]);
    }
    expect(db.prepare("SELECT count(*) FROM lieux WHERE nom LIKE '%’%'").pluck().get()).toBeGreaterThan(400);
  });

  it('shows no personal e-mail address', () => {
    const emails = db.prepare('SELECT courriel FROM lieux WHERE courriel IS NOT NULL').pluck().all() as string[];
    expect(emails.length).toBeGreaterThan(1000);
    expect(emails.filter(isPersonalEmail)).toEqual([]);
  });

  it('only stores opening hours the opening_hours library accepts', () => {
    const values = db.prepare('SELECT DISTINCT horaires_osm FROM lieux WHERE horaires_osm IS NOT NULL ORDER BY 1').pluck().all() as string[];
    expect(values.length).toBeGreaterThan(1000);
    // Every 10th value: the library takes about a millisecond per value.
    for (const v of values.filter((_, i) => i % 10 === 0)) expect(() => new opening_hours(v, null), v).not.toThrow();
  });

  it('keeps points in metropolitan France and the DROM', () => {
    const outside = db
      .prepare(`SELECT count(*) FROM lieux WHERE NOT (
        (latitude BETWEEN 41.2 AND 51.2 AND longitude BETWEEN -5.3 AND 9.7) OR latitude BETWEEN -21.5 AND 16.6)`)
      .pluck()
      .get();
    expect(outside).toBe(0);
  });
});

describe('a failed import', () => {
  it('rolls back and leaves the previous database untouched', () => {
    const before = checksums(db);
    const vocab = loadVocabulary();
    const valid: Lieu = {
      id: 'test-valide', nom: 'Lieu valide', adresse: null, complementAdresse: null, codePostal: null, commune: null,
      codeInsee: null, departement: null, latitude: 46, longitude: 2, precision: 'adresse', telephone: null, courriel: null,
      siteWeb: null, horairesTexte: null, horairesOsm: null, services: [], types: ['bibliotheque'], labels: [], details: {},
      dateMaj: null, servicesMask: 0n, typesMask: 64n, sources: [], unconfirmedFranceServices: false,
    };
    const broken: Lieu = { ...valid, id: 'test-invalide', latitude: 999 }; // violates the latitude CHECK
    expect(() =>
      writeTables(db, {
        services: vocab.services,
        types: vocab.types,
        sources: [...vocab.sources.values()],
        lieux: [valid, broken],
        meta: { [META_KEYS[0]]: '2' },
      }),
    ).toThrow(/CHECK constraint failed/);
    expect(checksums(db)).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM lieux WHERE id = 'test-valide'").pluck().get()).toBe(0);
  });
});
