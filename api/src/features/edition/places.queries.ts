import { randomBytes } from 'node:crypto';
import { LIEU_FIELD_NAMES, type LieuCreate, type LieuFieldName } from '../../contract/lieu-edit.ts';
import type { Db } from '../../db/client.ts';
import { statements } from '../auth/statements.ts';
import type { Account } from '../auth/accounts.queries.ts';
import { inScope } from '../auth/scope.ts';
import { createJournal, type JournalAction } from '../audit/journal.ts';

export type PlaceRow = {
  num: number; id: string; nom: string; adresse: string | null; complement_adresse: string | null;
  code_postal: string | null; commune: string | null; code_insee: string | null; departement: string | null;
  latitude: number; longitude: number; precision: string; telephone: string | null; courriel: string | null;
  site_web: string | null; horaires_texte: string | null; horaires_osm: string | null; services: string; types: string;
  labels: string; details: string; date_maj: string | null; version: number; archived_at: string | null;
  verifie_le: string | null; modifie_le: string | null;
};

export type Values = Record<LieuFieldName, unknown>;
export type FieldError = { path: string; key: 'service_inconnu' | 'type_inconnu'; values: string };

const JSON_FIELDS = new Set<string>(['services', 'types', 'labels', 'details']);

const maskOf = (table: 'services' | 'types', param: string) =>
  `(SELECT coalesce(sum(1 << bit), 0) FROM ${table} WHERE id IN (SELECT value FROM json_each(@${param})))`;

const SQL = {
  row: 'SELECT * FROM lieux WHERE id = ?',
  sources: `
    SELECT s.id, s.nom, s.licence, s.url, coalesce(ls.date_maj, s.date) AS date, ls.source_ref AS ref
    FROM lieu_sources ls JOIN sources s ON s.id = ls.source_id WHERE ls.lieu_num = ? ORDER BY date DESC, s.id`,
  insert: `INSERT INTO lieux (id, nom, adresse, complement_adresse, code_postal, commune, code_insee, departement,
      latitude, longitude, precision, telephone, courriel, site_web, horaires_texte, horaires_osm, services, types, labels,
      details, services_mask, types_mask, version, modifie_le, verifie_le)
    VALUES (@id, @nom, @adresse, @complement_adresse, @code_postal, @commune, @code_insee, @departement,
      @latitude, @longitude, @precision, @telephone, @courriel, @site_web, @horaires_texte, @horaires_osm, @services, @types,
      @labels, @details, ${maskOf('services', 'services')}, ${maskOf('types', 'types')}, 1, @at, @at)`,
  // The version in the WHERE makes the check and the write one statement: a concurrent save that
  // landed first leaves `changes` at 0, and this one is refused instead of overwriting it.
  update: `UPDATE lieux SET nom = @nom, adresse = @adresse, complement_adresse = @complement_adresse,
      code_postal = @code_postal, commune = @commune, code_insee = @code_insee, departement = @departement,
      latitude = @latitude, longitude = @longitude, precision = @precision, telephone = @telephone, courriel = @courriel,
      site_web = @site_web, horaires_texte = @horaires_texte, horaires_osm = @horaires_osm, services = @services,
      types = @types, labels = @labels, details = @details, services_mask = ${maskOf('services', 'services')},
      types_mask = ${maskOf('types', 'types')}, archived_at = @archived_at,
      version = version + 1, modifie_le = @at, verifie_le = @at
    WHERE id = @id AND version = @version`,
  verify: 'UPDATE lieux SET verifie_le = ? WHERE id = ?',
  clearGeo: 'DELETE FROM lieux_geo WHERE num = ?',
  fillGeo: `INSERT INTO lieux_geo (num, min_lon, max_lon, min_lat, max_lat)
    SELECT num, longitude, longitude, latitude, latitude FROM lieux WHERE num = ? AND archived_at IS NULL`,
  knownServices: 'SELECT id FROM services',
  knownTypes: 'SELECT id FROM types',
} as const;

/** Overseas départements have three digits (974); Corsica's postcodes start with 20 for both 2A and 2B. */
export function departementOf(codeInsee: string | null, codePostal: string | null): string | null {
  if (codeInsee) return codeInsee.startsWith('97') ? codeInsee.slice(0, 3) : codeInsee.slice(0, 2);
  if (!codePostal) return null;
  if (codePostal.startsWith('97')) return codePostal.slice(0, 3);
  if (codePostal.startsWith('20')) return Number(codePostal) < 20200 ? '2A' : '2B';
  return codePostal.slice(0, 2);
}

export const valuesOf = (row: PlaceRow): Values =>
  Object.fromEntries(
    LIEU_FIELD_NAMES.map((k) => [k, JSON_FIELDS.has(k) ? JSON.parse(row[k] as string) : row[k]]),
  ) as Values;

const columnsOf = (v: Values) => ({
  ...Object.fromEntries(LIEU_FIELD_NAMES.map((k) => [k, JSON_FIELDS.has(k) ? JSON.stringify(v[k]) : v[k]])),
  departement: departementOf(v.code_insee as string | null, v.code_postal as string | null),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const slug = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

export type WriteResult =
  | { status: 'ok'; row: PlaceRow; changed: boolean }
  | { status: 'introuvable' }
  | { status: 'perimee'; row: PlaceRow };

export type PlaceQueries = ReturnType<typeof createPlaceQueries>;

export function createPlaceQueries(db: Db) {
  const s = statements(db, SQL);
  const journal = createJournal(db);
  const row = (id: string) => s.row.get(id) as PlaceRow | undefined;

  const syncGeo = (num: number) => {
    s.clearGeo.run(num);
    s.fillGeo.run(num);
  };

  const placeOf = (r: PlaceRow) => ({ departement: r.departement, types: JSON.parse(r.types) as string[] });

  return {
    db,
    row,
    journal,
    inScope,
    scopeOfRow: placeOf,
    /** What coordinators see: every editable field flat, as the edit form sends it back, plus its state. */
    view(r: PlaceRow, account: Account) {
      const { modifie_par } = journal.lastChange(r.id);
      return {
        id: r.id,
        ...valuesOf(r),
        departement: r.departement,
        date_maj: r.date_maj,
        sources: s.sources.all(r.num),
        version: r.version,
        verifie_le: r.verifie_le,
        modifie_le: r.modifie_le,
        modifie_par,
        archive: r.archived_at !== null,
        archive_le: r.archived_at,
        modifiable: inScope(account, placeOf(r)),
      };
    },
    /** Ids that the vocabulary does not know, as field errors. */
    unknownIds(v: { services?: string[]; types?: string[] }): FieldError[] {
      const errors: FieldError[] = [];
      const check = (path: 'services' | 'types', list: string[] | undefined, known: Set<string>, key: FieldError['key']) => {
        const unknown = (list ?? []).filter((id) => !known.has(id));
        if (unknown.length > 0) errors.push({ path, key, values: unknown.join(', ').slice(0, 200) });
      };
      check('services', v.services, new Set(s.knownServices.pluck().all() as string[]), 'service_inconnu');
      check('types', v.types, new Set(s.knownTypes.pluck().all() as string[]), 'type_inconnu');
      return errors;
    },
    /** The new place's scope is checked by the caller on `scopeOf` before this runs. */
    create(input: LieuCreate, account: Account, at: string): PlaceRow {
      const { commentaire, ...given } = input;
      const values = Object.fromEntries(
        LIEU_FIELD_NAMES.map((k) => [k, given[k] ?? (k === 'services' || k === 'labels' ? [] : k === 'details' ? {} : null)]),
      ) as Values;
      const id = `coordination-${slug(input.nom) || 'lieu'}-${input.code_postal}-${randomBytes(3).toString('hex')}`;
      return db.transaction(() => {
        const info = s.insert.run({ ...columnsOf(values), id, at });
        syncGeo(Number(info.lastInsertRowid));
        journal.append({ lieuId: id, action: 'creation', version: 1, userId: account.id, at, commentaire, apres: values });
        return row(id)!;
      }).immediate();
    },
    scopeOf: (v: { code_insee?: string | null; code_postal?: string | null; types?: string[] }) => ({
      departement: departementOf(v.code_insee ?? null, v.code_postal ?? null),
      types: v.types ?? [],
    }),
    /**
     * Applies a change based on `version`, records it in the history with the fields it changed,
     * and keeps the R*Tree row in step, all in one transaction. A change that alters nothing
     * writes nothing and keeps the version.
     */
    update(p: {
      id: string; version: number; patch: Partial<Values>; archive?: boolean; action: JournalAction; account: Account;
      commentaire?: string | null; signalementId?: number | null; at: string;
    }): WriteResult {
      return db.transaction((): WriteResult => {
        const current = row(p.id);
        if (!current) return { status: 'introuvable' };
        if (current.version !== p.version) return { status: 'perimee', row: current };
        const before = valuesOf(current);
        const after = { ...before, ...p.patch };
        const avant: Record<string, unknown> = {};
        const apres: Record<string, unknown> = {};
        for (const k of LIEU_FIELD_NAMES) {
          if (!same(before[k], after[k])) {
            avant[k] = before[k];
            apres[k] = after[k];
          }
        }
        const archivedAt = p.archive === undefined ? current.archived_at : p.archive ? p.at : null;
        if ((current.archived_at === null) !== (archivedAt === null)) {
          avant.archive = current.archived_at !== null;
          apres.archive = archivedAt !== null;
        }
        if (Object.keys(apres).length === 0) return { status: 'ok', row: current, changed: false };
        const changes = s.update.run({ ...columnsOf(after), archived_at: archivedAt, at: p.at, id: p.id, version: p.version }).changes;
        if (changes !== 1) return { status: 'perimee', row: row(p.id)! };
        syncGeo(current.num);
        journal.append({
          lieuId: p.id, action: p.action, version: current.version + 1, userId: p.account.id, at: p.at,
          commentaire: p.commentaire, avant, apres, signalementId: p.signalementId,
        });
        return { status: 'ok', row: row(p.id)!, changed: true };
      }).immediate();
    },
    /** "Toujours exact": the data stays, so does its version; only the date of the check moves. */
    verify(r: PlaceRow, account: Account, commentaire: string | null | undefined, at: string): PlaceRow {
      return db.transaction(() => {
        s.verify.run(at, r.id);
        journal.append({ lieuId: r.id, action: 'verification', version: r.version, userId: account.id, at, commentaire });
        return row(r.id)!;
      }).immediate();
    },
    /** The editable values as they were at `version`, rebuilt by walking the history back from now. */
    valuesAt(r: PlaceRow, version: number): Values {
      const values = valuesOf(r);
      for (const change of journal.changesAfter(r.id, version)) {
        for (const [k, v] of Object.entries(change.avant)) if (k in values) values[k as LieuFieldName] = v;
      }
      return values;
    },
  };
}
