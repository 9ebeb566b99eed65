import { META_KEYS, type ImportTables } from '@reperes/data/pipeline.ts';
import type { Db } from '../../db/client.ts';
import { createJournal } from '../audit/journal.ts';
import { writeCommunes } from '../communes/communes.writes.ts';
import { createLieuWrites, rowOfLieu } from '../lieux/lieux.writes.ts';

/**
 * Replaces every imported row in one write transaction: a failure anywhere rolls the whole
 * import back and leaves the previous data in place. Importing the same files twice gives the
 * same table contents (only the history gains one dated entry per run).
 *
 * Coordinators' work survives: a place with any history entry other than an import (created,
 * edited, archived, checked or reported on by a person) keeps its row as it is, even when it left
 * the sources; only its provenance and masks are refreshed. Each place keeps its `num`.
 */
export function writeTables(db: Db, tables: ImportTables): void {
  const places = createLieuWrites(db);
  const journal = createJournal(db);
  const insertService = db.prepare(
    'INSERT INTO services (id, axe, bit, label, label_en, description, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertType = db.prepare('INSERT INTO types (id, bit, code_di, label, label_en, position) VALUES (?, ?, ?, ?, ?, ?)');
  const insertSource = db.prepare('INSERT INTO sources (id, nom, licence, url, date) VALUES (?, ?, ?, ?, ?)');
  const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  const touchedSql = "SELECT DISTINCT lieu_id FROM journal WHERE action <> 'import' AND lieu_id IS NOT NULL";

  const write = db.transaction(() => {
    const touched = new Set(db.prepare(touchedSql).pluck().all() as string[]);
    const kept = JSON.stringify([...touched]);
    const nums = new Map(db.prepare('SELECT id, num FROM lieux').raw().all() as [string, number][]);
    let nextNum = [...nums.values()].reduce((max, n) => Math.max(max, n), 0) + 1;
    db.exec('DELETE FROM lieu_sources');
    db.prepare('DELETE FROM lieux WHERE id NOT IN (SELECT value FROM json_each(?))').run(kept);
    db.exec('DELETE FROM sources; DELETE FROM types; DELETE FROM services;');
    db.prepare(`DELETE FROM meta WHERE key IN (${META_KEYS.map(() => '?').join(', ')})`).run(...META_KEYS);
    for (const s of tables.services) insertService.run(s.id, s.axe, s.bit, s.label, s.labelEn, s.description, s.position);
    for (const t of tables.types) insertType.run(t.id, t.bit, t.codeDi, t.label, t.labelEn, t.position);
    for (const s of tables.sources) insertSource.run(s.id, s.nom, s.licence, s.url, s.date);
    let added = 0;
    for (const l of tables.lieux) {
      const known = nums.get(l.id);
      const num = known ?? nextNum++;
      if (known === undefined) added += 1;
      // The R*Tree is rebuilt once at the end: faster than a point at a time for 30k rows.
      if (!touched.has(l.id)) places.insert(rowOfLieu(l), {}, num, { geo: false });
      for (const s of l.sources) places.link(num, s.source, s.ref, s.dateMaj);
    }
    // The vocabulary's bits may have moved: masks of the kept places follow their ids.
    places.remask([...touched]);
    journal.append({
      lieuId: null, action: 'import', version: null, userId: null, at: new Date().toISOString(),
      apres: { lieux: tables.lieux.length, ajoutes: added, conserves: touched.size },
    });
    for (const [key, value] of Object.entries(tables.meta)) insertMeta.run(key, value);
    if (tables.communes) writeCommunes(db, tables.communes);
    places.rebuildGeo();
  });
  write.immediate();
}
