import type { Db } from '@reperes/api/db/client.ts';
import { rebuildGeoIndex } from '@reperes/api/features/lieux/lieux.queries.ts';
import { writeCommunes, type CommuneRow } from './communes-table.ts';
import type { Lieu } from './lieux.ts';
import type { ServiceDef, SourceDef, TypeDef } from './vocabulary.ts';

export interface ImportTables {
  services: ServiceDef[];
  types: TypeDef[];
  sources: SourceDef[];
  lieux: Lieu[]; // in the order their `num` is given
  meta: Record<string, string>;
  /** The communes searched by name or postcode; when absent, the communes table is left as it is. */
  communes?: CommuneRow[];
}

/** meta keys this import owns; other keys (if any) belong to someone else and are left alone. */
export const META_KEYS = ['lieux_count', 'import_summary'] as const;

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
  const insertService = db.prepare(
    'INSERT INTO services (id, axe, bit, label, label_en, description, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertType = db.prepare('INSERT INTO types (id, bit, code_di, label, label_en, position) VALUES (?, ?, ?, ?, ?, ?)');
  const insertSource = db.prepare('INSERT INTO sources (id, nom, licence, url, date) VALUES (?, ?, ?, ?, ?)');
  const insertLieu = db.prepare(`INSERT INTO lieux (num, id, nom, adresse, complement_adresse, code_postal, commune,
    code_insee, departement, latitude, longitude, precision, telephone, courriel, site_web, horaires_texte, horaires_osm,
    services_mask, types_mask, services, types, labels, details, date_maj)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLieuSource = db.prepare('INSERT INTO lieu_sources (lieu_num, source_id, source_ref, date_maj) VALUES (?, ?, ?, ?)');
  const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  const touchedSql = "SELECT DISTINCT lieu_id FROM journal WHERE action <> 'import' AND lieu_id IS NOT NULL";
  const mask = (table: string, column: string) =>
    `(SELECT coalesce(sum(1 << bit), 0) FROM ${table} WHERE id IN (SELECT value FROM json_each(lieux.${column})))`;

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
      if (!touched.has(l.id)) {
        insertLieu.run(
          num, l.id, l.nom, l.adresse, l.complementAdresse, l.codePostal, l.commune, l.codeInsee, l.departement,
          l.latitude, l.longitude, l.precision, l.telephone, l.courriel, l.siteWeb, l.horairesTexte, l.horairesOsm,
          l.servicesMask, l.typesMask, JSON.stringify(l.services), JSON.stringify(l.types), JSON.stringify(l.labels),
          JSON.stringify(l.details), l.dateMaj,
        );
      }
      for (const s of l.sources) insertLieuSource.run(num, s.source, s.ref, s.dateMaj);
    }
    // The vocabulary's bits may have moved: masks of the kept places follow their ids.
    db.prepare(`UPDATE lieux SET services_mask = ${mask('services', 'services')}, types_mask = ${mask('types', 'types')}
      WHERE id IN (SELECT value FROM json_each(?))`).run(kept);
    db.prepare(`INSERT INTO journal (lieu_id, action, version, user_id, created_at, apres) VALUES (NULL, 'import', NULL, NULL, ?, ?)`)
      .run(new Date().toISOString(), JSON.stringify({ lieux: tables.lieux.length, ajoutes: added, conserves: touched.size }));
    for (const [key, value] of Object.entries(tables.meta)) insertMeta.run(key, value);
    if (tables.communes) writeCommunes(db, tables.communes);
    // The list/map index is derived from `lieux`, so the API owns how it is built.
    rebuildGeoIndex(db);
  });
  write.immediate();
}
