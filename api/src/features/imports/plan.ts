import { buildLieu, type Lieu } from '@reperes/data/lieux.ts';
import { mergePlaces } from '@reperes/data/merge.ts';
import type { SourcePlace } from '@reperes/data/source-place.ts';
import type { ImportContext } from '@reperes/data/sources/context.ts';
import type { SourceDef } from '@reperes/data/vocabulary.ts';
import type { Db } from '../../db/client.ts';
import { EXISTING_SOURCE, ExistingPlaces, type ExistingRow } from './existing-places.ts';
import type { FileFormat, Encoding } from './read-file.ts';
import type { RowIssue } from './rows.ts';

/** A column of `lieux` an import may change, with the value the row gives. */
export type ChangeValue = string | number | string[] | null;
export type Change = { field: ChangeField; before: ChangeValue; after: ChangeValue };
export type ChangeField =
  | 'nom' | 'adresse' | 'complement_adresse' | 'code_postal' | 'commune' | 'code_insee' | 'departement'
  | 'latitude' | 'longitude' | 'telephone' | 'courriel' | 'site_web' | 'horaires_texte' | 'horaires_osm' | 'services';

export interface PlannedUpdate {
  line: number;
  num: number;
  id: string;
  nom: string;
  /** By the row's id, or by the merge rules (same name, near or same street address). */
  matchedBy: 'identifiant' | 'fusion';
  changes: Change[];
  services: string[] | null; // the full new list when `services` changes
  ref: string;
  dateMaj: string | null;
}

export interface ImportReport {
  format: FileFormat;
  encoding: Encoding;
  delimiter: string | null;
  rows: number;
  valid: number;
  unknownColumns: string[];
  /** Every error and warning is counted; the first MAX_ISSUES of each are kept, which is more than anyone reads. */
  errorCount: number;
  warningCount: number;
  errors: RowIssue[];
  warnings: RowIssue[];
  created: { line: number; id: string; nom: string; commune: string | null }[];
  updated: PlannedUpdate[];
  unchanged: number;
  matchedByMerge: number;
  outOfScope: { line: number; id: string; nom: string }[];
}

export interface ImportPlan {
  report: ImportReport;
  source: SourceDef;
  inserts: { line: number; lieu: Lieu; ref: string }[];
  updates: PlannedUpdate[];
  /** Rows matched to a place without change, recorded as a provenance of that place on apply. */
  links: { num: number; ref: string }[];
}

/** A place a coordinator may change: the HTTP path passes the coordinator's scope, the command line none. */
export type Scope = (place: { departement: string | null; types: string[] }) => boolean;

const BATCH = 2000;
export const MAX_ISSUES = 1000;

const keep = (list: RowIssue[], more: RowIssue[]) => {
  for (const issue of more) if (list.length < MAX_ISSUES) list.push(issue);
};

/** What the row says that differs from the place; a field the row leaves empty never erases a value. */
export function diff(existing: ExistingRow, p: SourcePlace, ctx: ImportContext): { changes: Change[]; services: string[] | null } {
  const changes: Change[] = [];
  const compare = (field: ChangeField, before: string | number | null, after: string | number | null) => {
    if (after !== null && after !== before) changes.push({ field, before, after });
  };
  compare('nom', existing.nom, p.nom);
  compare('adresse', existing.adresse, p.adresse);
  compare('complement_adresse', existing.complement_adresse, p.complementAdresse);
  compare('code_postal', existing.code_postal, p.codePostal);
  compare('commune', existing.commune, p.commune);
  compare('code_insee', existing.code_insee, p.codeInsee);
  compare('departement', existing.departement, p.departement);
  // A point the row does not give (or that locate() replaced by the commune centre) says nothing about the building.
  if (p.precision === 'adresse' && p.coordNote === null) {
    compare('latitude', existing.latitude, p.lat);
    compare('longitude', existing.longitude, p.lon);
  }
  compare('telephone', existing.telephone, p.telephone);
  compare('courriel', existing.courriel, p.courriel);
  compare('site_web', existing.site_web, p.siteWeb);
  if (p.horairesOsm !== null) {
    const before = changes.length;
    compare('horaires_osm', existing.horaires_osm, p.horairesOsm);
    if (changes.length > before) compare('horaires_texte', existing.horaires_texte, p.horairesTexte);
  } else if (existing.horaires_osm === null) {
    compare('horaires_texte', existing.horaires_texte, p.horairesTexte);
  }
  let services: string[] | null = null;
  if (p.services.length > 0) {
    const current = JSON.parse(existing.services) as string[];
    const axe = new Map(ctx.vocab.services.map((s) => [s.id, s.axe]));
    // The standard formats list digital services only: the place's démarches domains stay, the row's are added.
    const wanted = new Set([...current.filter((id) => axe.get(id) === 'demarches'), ...p.services]);
    const next = ctx.vocab.services.filter((s) => wanted.has(s.id)).map((s) => s.id);
    if (next.join('|') !== current.join('|')) {
      services = next;
      changes.push({ field: 'services', before: current, after: next });
    }
  }
  return { changes, services };
}

export interface PlanInput {
  format: FileFormat;
  encoding: Encoding;
  delimiter: string | null;
  unknownColumns: string[];
  source: SourceDef;
  /** The file's rows, already checked: a place, or the reasons it cannot be one. */
  rows: AsyncIterable<{ line: number; place: SourcePlace | null; issues: RowIssue[]; warnings: RowIssue[] }>;
  scope?: Scope;
}

/**
 * What importing the file would do, computed without writing: each valid row is matched to an
 * existing place by its id, else by the foundation import's merge rules (mergePlaces on the row and
 * the places around it), and compared field by field. Rows are handled by batches so that a large
 * file only keeps its changes in memory, not its rows.
 */
export async function planImport(db: Db, ctx: ImportContext, input: PlanInput): Promise<ImportPlan> {
  const existing = ExistingPlaces.of(db);
  const report: ImportReport = {
    format: input.format,
    encoding: input.encoding,
    delimiter: input.delimiter,
    rows: 0,
    valid: 0,
    unknownColumns: input.unknownColumns,
    errorCount: 0,
    warningCount: 0,
    errors: [],
    warnings: [],
    created: [],
    updated: [],
    unchanged: 0,
    matchedByMerge: 0,
    outOfScope: [],
  };
  const plan: ImportPlan = { report, source: input.source, inserts: [], updates: [], links: [] };
  let batch: { line: number; place: SourcePlace }[] = [];

  const settle = (line: number, place: SourcePlace, row: ExistingRow | undefined, matchedBy: PlannedUpdate['matchedBy']) => {
    if (!row) {
      const lieu = buildLieu([place], ctx.vocab);
      if (input.scope && !input.scope({ departement: lieu.departement, types: lieu.types })) {
        report.outOfScope.push({ line, id: place.ref, nom: place.nom });
        return;
      }
      plan.inserts.push({ line, lieu, ref: place.ref });
      report.created.push({ line, id: lieu.id, nom: lieu.nom, commune: lieu.commune });
      return;
    }
    if (input.scope && !input.scope({ departement: row.departement, types: JSON.parse(row.types) as string[] })) {
      report.outOfScope.push({ line, id: row.id, nom: row.nom });
      return;
    }
    if (matchedBy === 'fusion') report.matchedByMerge++;
    const { changes, services } = diff(row, place, ctx);
    if (changes.length === 0) {
      report.unchanged++;
      plan.links.push({ num: row.num, ref: place.ref });
      return;
    }
    const update: PlannedUpdate = { line, num: row.num, id: row.id, nom: row.nom, matchedBy, changes, services, ref: place.ref, dateMaj: place.dateMaj };
    plan.updates.push(update);
    report.updated.push(update);
  };

  const flush = () => {
    const unmatched: { line: number; place: SourcePlace }[] = [];
    for (const item of batch) {
      const row = existing.byIdentity(item.place);
      if (row) settle(item.line, item.place, row, 'identifiant');
      else unmatched.push(item);
    }
    if (unmatched.length > 0) {
      const candidates = new Map<string, SourcePlace>();
      for (const { place } of unmatched) for (const c of existing.candidates(place)) candidates.set(c.lieuId, c);
      const { clusters } = mergePlaces([...candidates.values(), ...unmatched.map((u) => u.place)], ctx.vocab.nameRules);
      const joined = new Map<SourcePlace, string>();
      for (const members of clusters) {
        const known = members.find((m) => m.source === EXISTING_SOURCE);
        if (known) for (const m of members) if (m !== known) joined.set(m, known.lieuId);
      }
      for (const { line, place } of unmatched) {
        const id = joined.get(place);
        settle(line, place, id ? existing.byId.get(id) : undefined, 'fusion');
      }
    }
    batch = [];
  };

  for await (const row of input.rows) {
    report.rows++;
    keep(report.warnings, row.warnings);
    report.warningCount += row.warnings.length;
    const issues = row.issues;
    if (issues.length > 0 || !row.place) {
      keep(report.errors, issues);
      report.errorCount += issues.length;
      continue;
    }
    report.valid++;
    batch.push({ line: row.line, place: row.place });
    if (batch.length >= BATCH) flush();
  }
  flush();
  return plan;
}
