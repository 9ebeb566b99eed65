import type { Lieu } from '@reperes/data/lieux.ts';
import { META_KEYS, type ImportTables } from '@reperes/data/pipeline.ts';
import { loadVocabulary } from '@reperes/data/vocabulary.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import type { User as Account } from '../../contract/coordination.ts';
import { createPlaceQueries } from '../edition/places.queries.ts';
import { writeTables } from './write-tables.ts';

const vocab = loadVocabulary();
const db = openDb(':memory:');
migrate(db);
afterAll(() => db.close());

const lieu = (id: string, nom: string, telephone: string): Lieu => ({
  id, nom, adresse: '1 place de la Mairie', complementAdresse: null, codePostal: '93000', commune: 'Bobigny', codeInsee: '93008',
  departement: '93', latitude: 48.9, longitude: 2.44, precision: 'adresse', telephone, courriel: null, siteWeb: null,
  horairesTexte: null, horairesOsm: null, services: [], types: ['bibliotheque'], labels: [], details: {}, dateMaj: '2024-01-01',
  servicesMask: 0n, typesMask: BigInt(2 ** vocab.types.find((t) => t.id === 'bibliotheque')!.bit),
  sources: [{ source: [...vocab.sources.keys()][0]!, ref: id, dateMaj: null }], unconfirmedFranceServices: false,
});

const tables = (lieux: Lieu[]): ImportTables => ({
  services: vocab.services, types: vocab.types, sources: [...vocab.sources.values()], lieux, meta: { [META_KEYS[0]]: String(lieux.length) },
});

const row = (id: string) => db.prepare('SELECT num, nom, telephone, version, archived_at FROM lieux WHERE id = ?').get(id) as any;

describe('re-running the import', () => {
  it('keeps what coordinators changed, refreshes the rest, and keeps every place’s num', () => {
    writeTables(db, tables([lieu('a', 'Médiathèque A', '01 00 00 00 01'), lieu('b', 'Médiathèque B', '01 00 00 00 02'),
      lieu('c', 'Médiathèque C', '01 00 00 00 03'), lieu('d', 'Médiathèque D', '01 00 00 00 04')]));
    const nums = Object.fromEntries(['a', 'b', 'c', 'd'].map((id) => [id, row(id).num]));

    db.prepare("INSERT INTO users (courriel, password_hash, role, territoires, created_at) VALUES ('c@reperes.test', 'x', 'coordinateur', '[\"93\"]', '2026-03-01')").run();
    const account: Account = { id: 1, courriel: 'c@reperes.test', role: 'coordinateur', territoires: ['93'], reseaux: [] };
    const places = createPlaceQueries(db);
    const at = '2026-03-01T10:00:00.000Z';
    expect(places.update({ id: 'a', version: 1, patch: { telephone: '01 99 99 99 99' }, action: 'modification', account, at }).status).toBe('ok');
    expect(places.update({ id: 'b', version: 1, patch: {}, archive: true, action: 'archivage', account, at }).status).toBe('ok');
    places.verify(places.row('d')!, account, null, at);

    // The sources now say something else about every place, and no longer list b nor d; e is new.
    writeTables(db, tables([lieu('a', 'Médiathèque A (source)', '01 11 11 11 11'), lieu('c', 'Médiathèque C (source)', '01 33 33 33 33'),
      lieu('e', 'Médiathèque E', '01 00 00 00 05')]));

    expect(row('a')).toMatchObject({ num: nums.a, nom: 'Médiathèque A', telephone: '01 99 99 99 99', version: 2 });
    expect(row('b')).toMatchObject({ num: nums.b, archived_at: at, version: 2 });
    expect(row('c')).toMatchObject({ num: nums.c, nom: 'Médiathèque C (source)', telephone: '01 33 33 33 33', version: 1 });
    expect(row('d')).toMatchObject({ num: nums.d, nom: 'Médiathèque D' });
    // Provenance follows the sources: a kept place still listed keeps its link, one that left them loses it.
    const sourced = db.prepare('SELECT l.id FROM lieu_sources s JOIN lieux l ON l.num = s.lieu_num ORDER BY l.id').pluck().all();
    expect(sourced).toEqual(['a', 'c', 'e']);
    expect(row('e').num).toBeGreaterThan(Math.max(...Object.values(nums)));
    expect(db.prepare('SELECT types_mask FROM lieux WHERE id = ?').pluck().get('a')).toBe(Number(lieu('a', '', '').typesMask));
    // The R*Tree holds what is on the public map: not the archived place.
    expect(db.prepare('SELECT count(*) FROM lieux_geo').pluck().get()).toBe(4);
    const runs = db.prepare("SELECT apres FROM journal WHERE action = 'import' ORDER BY id").pluck().all() as string[];
    expect(runs.map((r) => JSON.parse(r))).toEqual([
      { lieux: 4, ajoutes: 4, conserves: 0 },
      { lieux: 3, ajoutes: 1, conserves: 3 },
    ]);
  });
});
