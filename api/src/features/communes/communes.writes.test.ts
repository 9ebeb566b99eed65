import { buildCommunesTable } from '@reperes/data/communes-table.ts';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { writeCommunes } from './communes.writes.ts';

const commune = (code: string, nom: string, departement: string, cps: string, lat = '', lon = '') => ({
  code_insee: code, nom, departement, departement_nom: `Dép. ${departement}`, codes_postaux: cps, population: '100',
  latitude: lat, longitude: lon,
});

describe('writing the communes table', () => {
  const table = buildCommunesTable(
    [
      commune('76540', 'Rouen', '76', '76000 76100', '49.44', '1.10'),
      commune('76001', 'Allouville', '76', '76190', '49.60', '0.70'),
      commune('76095', 'Bihorel', '76', '76420'),
      commune('98735', 'Papeete', '987', '98714'),
    ],
    [{ code_postal: '76420', code_insee: '76095', nom_commune: 'Bihorel', libelle_acheminement: 'BIHOREL' }],
  );

  it('can be written twice with the same result, and is searchable by folded words', () => {
    const db = openDb(':memory:');
    migrate(db);
    writeCommunes(db, table.rows);
    writeCommunes(db, table.rows);
    expect(db.prepare('SELECT count(*) FROM communes').pluck().get()).toBe(3);
    expect(db.prepare('SELECT count(*) FROM commune_codes_postaux').pluck().get()).toBe(4);
    const found = db
      .prepare(`SELECT c.nom FROM communes_fts JOIN communes c ON c.rowid = communes_fts.rowid WHERE communes_fts MATCH '"rou"*'`)
      .pluck()
      .all();
    expect(found).toEqual(['Rouen']);
    db.close();
  });
});
