import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '@reperes/data/csv.ts';
import { diStructureToLmnRecord } from '@reperes/data/formats/data-inclusion.ts';
import { checkLmnRecord, importSourceDef, LMN_V0_COLUMNS, lmnRecordToPlace, lmnSchema, lmnVersionOf, type LmnVersion } from '@reperes/data/formats/lmn.ts';
import type { FieldRule } from '@reperes/data/formats/table-schema.ts';
import type { SourcePlace } from '@reperes/data/source-place.ts';
import { sourceDef, type ImportContext } from '@reperes/data/sources/context.ts';
import { FRANCE_SERVICES_SOURCE, franceServicesPlaces } from '@reperes/data/sources/france-services.ts';
import type { SourceDef } from '@reperes/data/vocabulary.ts';
import { FileRefused, type OpenedFile } from './read-file.ts';

export type IssueCode =
  | FieldRule
  | 'id_en_double'
  | 'position_introuvable'
  | 'champ_json'
  | 'element_json'
  | 'courriel_personnel_retire'
  | 'coordonnees_inversees'
  | 'position_commune'
  | 'adresse_absente'
  | 'commune_deduite';

/** One thing wrong (or worth knowing) about one row; `line` is the spreadsheet row, or the element's rank in a JSON file. */
export interface RowIssue {
  line: number;
  column?: string;
  value?: string;
  code: IssueCode;
  params?: Record<string, string | number>;
}

export interface CheckedRow {
  line: number;
  place: SourcePlace | null;
  issues: RowIssue[];
  warnings: RowIssue[];
}

// The France Services list has no published schema: these are the columns of data/sources/france-services/,
// the ones its reader needs to place a row.
const FRANCE_SERVICES_COLUMNS = [
  'id_fs', 'insee_dep', 'lib_fs', 'adresse', 'complement_adresse', 'insee_com', 'code_postal', 'lib_com', 'latitude',
  'longitude', 'mail', 'telephone', 'h_lundi', 'h_mardi', 'h_mercredi', 'h_jeudi', 'h_vendredi', 'h_samedi', 'prise_rdv',
  'commentaire', 'type_fs', 'format_fs', 'groupe_fs', 'labellisation_fs',
];
const FRANCE_SERVICES_REQUIRED = ['id_fs', 'lib_fs', 'code_postal', 'lib_com', 'latitude', 'longitude'];

const today = () => new Date().toISOString().slice(0, 10);

/** The source under which the file's rows are recorded in `lieu_sources`. */
export function sourceFor(opened: OpenedFile, ctx: ImportContext): SourceDef {
  if (opened.format === 'france-services') return sourceDef(ctx, FRANCE_SERVICES_SOURCE);
  if (opened.format === 'data-inclusion') return importSourceDef('import-data-inclusion', 'Fichier importé (data·inclusion v1)', today());
  return importSourceDef('import-lmn', 'Fichier importé (Lieux de médiation numérique)', today());
}

/** Columns of the file the format does not know (ignored, listed in the report); refuses a file without a required column. */
export function checkColumns(opened: OpenedFile): string[] {
  if (opened.kind !== 'csv') return [];
  const known = opened.format === 'france-services' ? FRANCE_SERVICES_COLUMNS : [...lmnSchema.columns, ...LMN_V0_COLUMNS];
  const required = opened.format === 'france-services' ? FRANCE_SERVICES_REQUIRED : lmnSchema.required;
  const missing = required.filter((c) => !opened.columns.includes(c));
  if (missing.length > 0) throw new FileRefused({ code: 'colonnes_manquantes', columns: missing });
  return opened.columns.filter((c) => c !== '' && !known.includes(c));
}

function warningsOf(line: number, place: SourcePlace): RowIssue[] {
  const out: RowIssue[] = [];
  if (place.emailsDropped > 0) out.push({ line, column: 'courriels', code: 'courriel_personnel_retire' });
  if (place.coordNote === 'inversees') out.push({ line, column: 'latitude', code: 'coordonnees_inversees' });
  else if (place.coordNote !== null) out.push({ line, column: 'latitude', code: 'position_commune' });
  return out;
}

/**
 * The schema requires a street address and a postcode, yet about 1,500 places of the national
 * data are known by their commune alone, and our own export writes them so. A row the commune
 * still places on the map is kept, with a warning that says so, instead of being refused.
 */
const ADDRESS_COLUMNS = new Set(['adresse', 'code_postal', 'commune']);

function lmnRow(line: number, record: Record<string, string>, version: LmnVersion, def: SourceDef, ctx: ImportContext): CheckedRow {
  const checked = checkLmnRecord(record, version);
  const addressMissing = checked.filter((i) => i.rule === 'requis' && ADDRESS_COLUMNS.has(i.column));
  const issues: RowIssue[] = checked.filter((i) => !addressMissing.includes(i)).map((i) => ({ line, column: i.column, value: i.value, code: i.rule }));
  if (issues.length > 0) return { line, place: null, issues, warnings: [] };
  const result = lmnRecordToPlace(record, version, def, ctx);
  if (!result.ok) return { line, place: null, issues: [{ line, code: 'position_introuvable', params: { raison: result.reason } }], warnings: [] };
  // Without a commune name, the one of the INSEE code or of the point stands in; without any, the row is refused.
  if (result.place.commune === null) return { line, place: null, issues: [{ line, column: 'commune', value: '', code: 'requis' }], warnings: [] };
  const missing: RowIssue[] = addressMissing.map((i) => ({ line, column: i.column, code: i.column === 'commune' ? 'commune_deduite' : 'adresse_absente' }));
  return { line, place: result.place, issues: [], warnings: [...missing, ...warningsOf(line, result.place)] };
}

const cell = (v: unknown): string =>
  v === null || v === undefined ? '' : Array.isArray(v) ? v.map(cell).join('|') : typeof v === 'object' ? JSON.stringify(v) : String(v);

let structureValidator: ValidateFunction | undefined;
function validateStructure(): ValidateFunction {
  if (!structureValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
    const schema = JSON.parse(readFileSync(join(dataDir, 'schemas', 'data-inclusion-v1', 'structure.json'), 'utf8'));
    structureValidator = ajv.compile(schema);
  }
  return structureValidator;
}

/** One issue per field, the most telling: `anyOf` with null repeats each failure once per branch. */
function ajvIssues(line: number, errors: ErrorObject[], record: Record<string, unknown>): RowIssue[] {
  const byField = new Map<string, RowIssue>();
  for (const e of errors) {
    if (e.keyword === 'anyOf' || (e.keyword === 'type' && e.params.type === 'null')) continue;
    const field = e.keyword === 'required' ? String(e.params.missingProperty) : e.instancePath.replace(/^\//, '').split('/')[0]!;
    // A pattern says more than a length ("4610" is not a postcode, rather than "too short").
    if (byField.has(field) && !(e.keyword === 'pattern' && byField.get(field)!.code === 'longueur')) continue;
    const value = cell(record[field]).slice(0, 80);
    const code: IssueCode = e.keyword === 'required' ? 'requis' : e.keyword === 'pattern' ? 'motif' : e.keyword === 'enum' ? 'valeurs'
      : e.keyword === 'maxLength' || e.keyword === 'minLength' ? 'longueur' : 'champ_json';
    byField.set(field, { line, column: field, value, code, params: { regle: e.keyword, detail: e.message ?? '' } });
  }
  return [...byField.values()];
}

/** The line where each id was first seen: a second use is an error, found before the row is read any further. */
function duplicates(column: string) {
  const firstLine = new Map<string, number>();
  return (line: number, id: string): CheckedRow | null => {
    const first = firstLine.get(id);
    if (first === undefined) {
      if (id !== '') firstLine.set(id, line);
      return null;
    }
    return { line, place: null, issues: [{ line, column, value: id, code: 'id_en_double', params: { ligne: first } }], warnings: [] };
  };
}

/** Each row of the file, checked against its schema, then read as the foundation import reads its sources. */
export async function* checkedRows(opened: OpenedFile, def: SourceDef, ctx: ImportContext): AsyncGenerator<CheckedRow> {
  if (opened.kind === 'csv' && opened.format === 'france-services') {
    const duplicate = duplicates('id_fs');
    for await (const { line, record } of opened.records) {
      const again = duplicate(line, (record.id_fs ?? '').trim());
      if (again) {
        yield again;
        continue;
      }
      const missing = FRANCE_SERVICES_REQUIRED.filter((c) => (record[c] ?? '').trim() === '');
      if (missing.length > 0) {
        yield { line, place: null, issues: missing.map((column) => ({ line, column, value: '', code: 'requis' as const })), warnings: [] };
        continue;
      }
      const result = franceServicesPlaces([record], ctx);
      const place = result.places[0];
      if (!place) {
        yield { line, place: null, issues: [{ line, code: 'position_introuvable', params: { raison: result.rejects[0]?.reason ?? '' } }], warnings: [] };
        continue;
      }
      yield { line, place, issues: [], warnings: warningsOf(line, place) };
    }
    return;
  }
  if (opened.kind === 'csv') {
    const version = lmnVersionOf(opened.columns);
    const duplicate = duplicates('id');
    for await (const { line, record } of opened.records) yield duplicate(line, (record.id ?? '').trim()) ?? lmnRow(line, record, version, def, ctx);
    return;
  }
  if (opened.format === 'lmn-json') {
    const items = opened.value as unknown[];
    const duplicate = duplicates('id');
    for (const [i, item] of items.entries()) {
      const line = i + 1;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        yield { line, place: null, issues: [{ line, code: 'element_json' }], warnings: [] };
        continue;
      }
      const record = Object.fromEntries(Object.entries(item).map(([k, v]) => [k, cell(v)]));
      yield duplicate(line, (record.id ?? '').trim()) ?? lmnRow(line, record, 'v1', def, ctx);
    }
    return;
  }
  const structures = (opened.value as { structures?: unknown }).structures;
  const validate = validateStructure();
  const duplicate = duplicates('id');
  for (const [i, item] of (Array.isArray(structures) ? structures : []).entries()) {
    const line = i + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      yield { line, place: null, issues: [{ line, code: 'element_json' }], warnings: [] };
      continue;
    }
    const again = duplicate(line, cell((item as Record<string, unknown>).id).trim());
    if (again) {
      yield again;
      continue;
    }
    if (!validate(item)) {
      yield { line, place: null, issues: ajvIssues(line, validate.errors ?? [], item as Record<string, unknown>), warnings: [] };
      continue;
    }
    const result = lmnRecordToPlace(diStructureToLmnRecord(item as Record<string, unknown>), 'v1', def, ctx);
    if (!result.ok) yield { line, place: null, issues: [{ line, code: 'position_introuvable', params: { raison: result.reason } }], warnings: [] };
    else yield { line, place: result.place, issues: [], warnings: warningsOf(line, result.place) };
  }
}
