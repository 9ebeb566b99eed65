import type { Db } from '@reperes/api/db/client.ts';
import { rebuildGeoIndex } from '@reperes/api/features/lieux/lieux.queries.ts';
import type { Lieu } from './lieux.ts';
import type { ServiceDef, SourceDef, TypeDef } from './vocabulary.ts';

export interface ImportTables {
  services: ServiceDef[];
  types: TypeDef[];
  sources: SourceDef[];
  lieux: Lieu[]; // in the order their `num` is given
  meta: Record<string, string>;
}

/** meta keys this import owns; other keys (if any) belong to someone else and are left alone. */
export const META_KEYS = ['lieux_count', 'import_summary'] as const;

/**
 * Replaces every imported row in one write transaction: a failure anywhere rolls the whole
 * import back and leaves the previous data in place. Nothing here depends on the clock, so
 * importing the same files twice gives the same table contents.
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

  const write = db.transaction(() => {
    db.exec('DELETE FROM lieu_sources; DELETE FROM lieux; DELETE FROM sources; DELETE FROM types; DELETE FROM services;');
    db.prepare(`DELETE FROM meta WHERE key IN (${META_KEYS.map(() => '?').join(', ')})`).run(...META_KEYS);
    for (const s of tables.services) insertService.run(s.id, s.axe, s.bit, s.label, s.labelEn, s.description, s.position);
    for (const t of tables.types) insertType.run(t.id, t.bit, t.codeDi, t.label, t.labelEn, t.position);
    for (const s of tables.sources) insertSource.run(s.id, s.nom, s.licence, s.url, s.date);
    tables.lieux.forEach((l, index) => {
      const num = index + 1;
      insertLieu.run(
        num, l.id, l.nom, l.adresse, l.complementAdresse, l.codePostal, l.commune, l.codeInsee, l.departement,
        l.latitude, l.longitude, l.precision, l.telephone, l.courriel, l.siteWeb, l.horairesTexte, l.horairesOsm,
        l.servicesMask, l.typesMask, JSON.stringify(l.services), JSON.stringify(l.types), JSON.stringify(l.labels),
        JSON.stringify(l.details), l.dateMaj,
      );
      for (const s of l.sources) insertLieuSource.run(num, s.source, s.ref, s.dateMaj);
    });
    for (const [key, value] of Object.entries(tables.meta)) insertMeta.run(key, value);
    // The list/map index is derived from `lieux`, so the API owns how it is built.
    rebuildGeoIndex(db);
  });
  write.immediate();
}
