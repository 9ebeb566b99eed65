/**
 * Checks driven by a Frictionless Table Schema file (the national LMN schema is one): each field's
 * `type`, `required`, `pattern`, `maxLength` and `enum` become a check, so a new version of the
 * schema file changes the checks without touching code.
 */
export interface TableSchemaField {
  name: string;
  type?: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; pattern?: string; maxLength?: number; enum?: string[] };
}

export interface TableSchema {
  fields: TableSchemaField[];
  missingValues?: string[];
}

export type FieldRule = 'requis' | 'motif' | 'nombre' | 'date' | 'longueur' | 'valeurs';

export interface FieldIssue {
  column: string;
  value: string;
  rule: FieldRule;
}

interface CompiledField {
  name: string;
  required: boolean;
  unique: boolean;
  test: (value: string) => FieldRule | null;
}

// Table Schema patterns are XML Schema regular expressions: implicitly anchored to the whole value.
const anchored = (pattern: string) => new RegExp(`^(?:${pattern})$`, 'u');

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isDate = (v: string) => {
  const m = v.match(ISO_DATE);
  if (!m) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};

function compileField(field: TableSchemaField): CompiledField {
  const c = field.constraints ?? {};
  const pattern = c.pattern ? anchored(c.pattern) : null;
  const allowed = c.enum ? new Set(c.enum) : null;
  const number = field.type === 'number' || field.type === 'integer';
  const date = field.type === 'date';
  return {
    name: field.name,
    required: c.required === true,
    unique: c.unique === true,
    test(value) {
      if (number && !Number.isFinite(Number(value.replace(',', '.')))) return 'nombre';
      if (date && !isDate(value)) return 'date';
      if (pattern && !pattern.test(value)) return 'motif';
      if (c.maxLength !== undefined && [...value].length > c.maxLength) return 'longueur';
      if (allowed && !allowed.has(value)) return 'valeurs';
      return null;
    },
  };
}

export interface CompiledTableSchema {
  columns: string[];
  required: string[];
  unique: string[];
  /** The issues of one row; an empty cell (or a declared missing value) only fails `required`. */
  check(record: Record<string, string | undefined>): FieldIssue[];
  /** Whether one non-empty value passes its column's constraints. */
  accepts(column: string, value: string): boolean;
}

export function compileTableSchema(schema: TableSchema): CompiledTableSchema {
  const fields = schema.fields.map(compileField);
  const missing = new Set(schema.missingValues ?? ['']);
  const byName = new Map(fields.map((f) => [f.name, f]));
  return {
    accepts: (column, value) => byName.get(column)?.test(value) === null,
    columns: fields.map((f) => f.name),
    required: fields.filter((f) => f.required).map((f) => f.name),
    unique: fields.filter((f) => f.unique).map((f) => f.name),
    check(record) {
      const issues: FieldIssue[] = [];
      for (const f of fields) {
        const value = (record[f.name] ?? '').trim();
        if (value === '' || missing.has(value)) {
          if (f.required) issues.push({ column: f.name, value, rule: 'requis' });
          continue;
        }
        const rule = f.test(value);
        if (rule) issues.push({ column: f.name, value, rule });
      }
      return issues;
    },
  };
}
