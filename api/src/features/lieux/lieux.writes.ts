import type { Lieu } from '@reperes/data/lieux.ts';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/client.ts';

/**
 * Every write of a place's row, whoever makes it: the shipped-data import, a file imported by a
 * coordinator or the command line, and the coordinators' edits. One statement per kind of write,
 * so that masks, the R*Tree and the version follow the row the same way for all of them.
 */

/** A place's columns as written; lists and details as values, turned into JSON here. */
export type LieuRow = {
  id: string; nom: string; adresse: string | null; complement_adresse: string | null; code_postal: string | null;
  commune: string | null; code_insee: string | null; departement: string | null; latitude: number; longitude: number;
  precision: string; telephone: string | null; courriel: string | null; site_web: string | null;
  horaires_texte: string | null; horaires_osm: string | null; services: string[]; types: string[]; labels: string[];
  details: Record<string, unknown>; date_maj: string | null;
};

/** What a person's write adds to the row: its version and when it was last changed or checked. */
export type RowState = { version?: number; modifie_le?: string | null; verifie_le?: string | null };

const JSON_COLUMNS = new Set(['services', 'types', 'labels', 'details']);

/** Masks always come from the vocabulary's bits, so an id unknown to it can never set one. */
const maskOf = (table: 'services' | 'types', param: string) =>
  `(SELECT coalesce(sum(1 << bit), 0) FROM ${table} WHERE id IN (SELECT value FROM json_each(@${param})))`;

const ownMask = (table: 'services' | 'types') =>
  `(SELECT coalesce(sum(1 << bit), 0) FROM ${table} WHERE id IN (SELECT value FROM json_each(lieux.${table})))`;

const SQL = {
  insert: `INSERT INTO lieux (num, id, nom, adresse, complement_adresse, code_postal, commune, code_insee, departement,
      latitude, longitude, precision, telephone, courriel, site_web, horaires_texte, horaires_osm, services, types, labels,
      details, date_maj, services_mask, types_mask, version, modifie_le, verifie_le)
    VALUES (@num, @id, @nom, @adresse, @complement_adresse, @code_postal, @commune, @code_insee, @departement,
      @latitude, @longitude, @precision, @telephone, @courriel, @site_web, @horaires_texte, @horaires_osm, @services, @types,
      @labels, @details, @date_maj, ${maskOf('services', 'services')}, ${maskOf('types', 'types')}, @version, @modifie_le,
      @verifie_le)`,
  // The version in the WHERE makes the check and the write one statement: a concurrent save that
  // landed first leaves `changes` at 0, and this one is refused instead of overwriting it.
  replace: `UPDATE lieux SET nom = @nom, adresse = @adresse, complement_adresse = @complement_adresse,
      code_postal = @code_postal, commune = @commune, code_insee = @code_insee, departement = @departement,
      latitude = @latitude, longitude = @longitude, precision = @precision, telephone = @telephone, courriel = @courriel,
      site_web = @site_web, horaires_texte = @horaires_texte, horaires_osm = @horaires_osm, services = @services,
      types = @types, labels = @labels, details = @details, services_mask = ${maskOf('services', 'services')},
      types_mask = ${maskOf('types', 'types')}, archived_at = @archived_at,
      version = version + 1, modifie_le = @at, verifie_le = @at
    WHERE id = @id AND version = @version`,
  verify: 'UPDATE lieux SET verifie_le = ? WHERE id = ?',
  link: 'INSERT OR IGNORE INTO lieu_sources (lieu_num, source_id, source_ref, date_maj) VALUES (?, ?, ?, ?)',
  nextNum: 'SELECT coalesce(max(num), 0) + 1 FROM lieux',
  clearGeoOf: 'DELETE FROM lieux_geo WHERE num = ?',
  fillGeoOf: `INSERT INTO lieux_geo (num, min_lon, max_lon, min_lat, max_lat)
    SELECT num, longitude, longitude, latitude, latitude FROM lieux WHERE num = ? AND archived_at IS NULL`,
  clearGeo: 'DELETE FROM lieux_geo',
  fillGeo: `INSERT INTO lieux_geo (num, min_lon, max_lon, min_lat, max_lat)
    SELECT num, longitude, longitude, latitude, latitude FROM lieux WHERE archived_at IS NULL`,
  // In an UPDATE, lieux.services is the row's value before this statement: the one just written.
  remask: `UPDATE lieux SET services_mask = ${ownMask('services')}, types_mask = ${ownMask('types')} WHERE num = ?`,
  remaskIds: `UPDATE lieux SET services_mask = ${ownMask('services')}, types_mask = ${ownMask('types')}
    WHERE id IN (SELECT value FROM json_each(?))`,
} as const;

const FIELD = /^[a-z_]+$/;

const columns = (row: Partial<Record<keyof LieuRow, unknown>>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, JSON_COLUMNS.has(k) ? JSON.stringify(v) : v]));

/** A place of the sources (data/'s shape) as the row it is written as. */
export const rowOfLieu = (l: Lieu): LieuRow => ({
  id: l.id, nom: l.nom, adresse: l.adresse, complement_adresse: l.complementAdresse, code_postal: l.codePostal,
  commune: l.commune, code_insee: l.codeInsee, departement: l.departement, latitude: l.latitude, longitude: l.longitude,
  precision: l.precision, telephone: l.telephone, courriel: l.courriel, site_web: l.siteWeb, horaires_texte: l.horairesTexte,
  horaires_osm: l.horairesOsm, services: l.services, types: l.types, labels: l.labels, details: l.details, date_maj: l.dateMaj,
});

export type LieuWrites = ReturnType<typeof createLieuWrites>;

/** The statements are prepared once; every method is meant to run inside its caller's transaction. */
export function createLieuWrites(db: Db) {
  const prepared = new Map<string, Statement>();
  const stmt = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const syncGeo = (num: number) => {
    stmt(SQL.clearGeoOf).run(num);
    stmt(SQL.fillGeoOf).run(num);
  };

  return {
    nextNum: (): number => stmt(SQL.nextNum).pluck().get() as number,
    /** Writes a new row (at `num` when given) and its point in the R*Tree; returns its num. */
    insert(row: LieuRow, state: RowState = {}, num: number | null = null, options: { geo?: boolean } = {}): number {
      const info = stmt(SQL.insert).run({
        ...columns(row), num, version: state.version ?? 1, modifie_le: state.modifie_le ?? null, verifie_le: state.verifie_le ?? null,
      });
      const written = num ?? Number(info.lastInsertRowid);
      if (options.geo !== false) syncGeo(written);
      return written;
    },
    /** A coordinator's save of every field, refused (false) when `version` is no longer the row's. */
    replace(num: number, row: LieuRow & { version: number; archived_at: string | null }, at: string): boolean {
      const changed = stmt(SQL.replace).run({ ...columns(row), at }).changes === 1;
      if (changed) syncGeo(num);
      return changed;
    },
    /** Some fields of a row changed by an imported file; the version moves on, and is returned. */
    updateFields(num: number, fields: Partial<Record<keyof LieuRow, unknown>>, at: string): number {
      const names = Object.keys(fields);
      if (!names.every((n) => FIELD.test(n))) throw new Error(`Colonne inconnue : ${names.join(', ')}`);
      const sql = `UPDATE lieux SET ${names.map((c) => `${c} = @${c}`).join(', ')}, modifie_le = @at, version = version + 1
        WHERE num = @num RETURNING version`;
      const { version } = stmt(sql).get({ ...columns(fields), at, num }) as { version: number };
      if (fields.services || fields.types) stmt(SQL.remask).run(num);
      if ('latitude' in fields || 'longitude' in fields) syncGeo(num);
      return version;
    },
    /** "Toujours exact": only the date of the check moves. */
    verify: (id: string, at: string) => stmt(SQL.verify).run(at, id),
    link: (num: number, sourceId: string, ref: string, dateMaj: string | null) => stmt(SQL.link).run(num, sourceId, ref, dateMaj),
    /** The masks of these places follow their ids again, after the vocabulary's bits moved. */
    remask: (ids: string[]) => stmt(SQL.remaskIds).run(JSON.stringify(ids)),
    syncGeo,
    /** Rebuilds the whole R*Tree, after a write of many rows. */
    rebuildGeo() {
      stmt(SQL.clearGeo).run();
      stmt(SQL.fillGeo).run();
    },
  };
}
