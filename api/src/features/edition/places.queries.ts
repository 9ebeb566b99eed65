import { departementOf } from '@reperes/data/departement.ts';
import { slugify } from '@reperes/data/normalise.ts';
import { randomBytes } from 'node:crypto';
import { LIEU_FIELD_NAMES, type LieuCreate, type LieuFieldName } from '../../contract/lieu-edit.ts';
import type { Db } from '../../db/client.ts';
import { statements } from '../auth/statements.ts';
import type { User as Account } from '../../contract/coordination.ts';
import { inScope } from '../auth/scope.ts';
import { createJournal, type JournalAction } from '../audit/journal.ts';
import { createLieuWrites, type LieuRow } from '../lieux/lieux.writes.ts';

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

const SQL = {
  row: 'SELECT * FROM lieux WHERE id = ?',
  sources: `
    SELECT s.id, s.nom, s.licence, s.url, coalesce(ls.date_maj, s.date) AS date, ls.source_ref AS ref
    FROM lieu_sources ls JOIN sources s ON s.id = ls.source_id WHERE ls.lieu_num = ? ORDER BY date DESC, s.id`,
  knownServices: 'SELECT id FROM services',
  knownTypes: 'SELECT id FROM types',
} as const;

export const valuesOf = (row: PlaceRow): Values =>
  Object.fromEntries(
    LIEU_FIELD_NAMES.map((k) => [k, JSON_FIELDS.has(k) ? JSON.parse(row[k] as string) : row[k]]),
  ) as Values;

const rowOf = (id: string, v: Values): LieuRow => ({
  ...(v as unknown as Omit<LieuRow, 'id' | 'departement' | 'date_maj'>),
  id,
  departement: departementOf(v.code_insee as string | null, v.code_postal as string | null),
  date_maj: null,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type WriteResult =
  | { status: 'ok'; row: PlaceRow; changed: boolean }
  | { status: 'introuvable' }
  | { status: 'perimee'; row: PlaceRow };

export type PlaceQueries = ReturnType<typeof createPlaceQueries>;

export function createPlaceQueries(db: Db) {
  const s = statements(db, SQL);
  const journal = createJournal(db);
  const places = createLieuWrites(db);
  const row = (id: string) => s.row.get(id) as PlaceRow | undefined;

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
      const id = `coordination-${slugify(input.nom).slice(0, 40) || 'lieu'}-${input.code_postal}-${randomBytes(3).toString('hex')}`;
      return db.transaction(() => {
        places.insert(rowOf(id, values), { modifie_le: at, verifie_le: at });
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
        const saved = places.replace(current.num, { ...rowOf(p.id, after), archived_at: archivedAt, version: p.version }, p.at);
        if (!saved) return { status: 'perimee', row: row(p.id)! };
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
        places.verify(r.id, at);
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
