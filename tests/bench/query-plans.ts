/**
 * EXPLAIN QUERY PLAN of the SQL that requests run. The statements are caught as the real query
 * factories prepare them, so the plans shown are those of the code, not of a copy of its SQL.
 */
import type { Db } from '@reperes/api/db/client.ts';
import { createCommunesQueries } from '@reperes/api/features/communes/communes.queries.ts';
import { createLieuxQueries } from '@reperes/api/features/lieux/lieux.queries.ts';

export type QueryPlan = { name: string; sql: string; plan: string[]; fullScans: string[] };

function preparedBy(db: Db, factory: (db: Db) => unknown): string[] {
  const sql: string[] = [];
  const recording = new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'prepare') {
        return (text: string) => {
          sql.push(text);
          return target.prepare(text);
        };
      }
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  factory(recording);
  return sql;
}

/** Parameters of a statement, all NULL: a plan does not depend on the values without ANALYZE's stat4. */
function nullParameters(sql: string): unknown[] {
  const named = [...new Set([...sql.matchAll(/[:@$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
  if (named.length > 0) return [Object.fromEntries(named.map((n) => [n, null]))];
  return Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
}

function explain(db: Db, sql: string): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nullParameters(sql)) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
}

/** A SCAN reads a whole table or index; on a virtual table (FTS5) "SCAN … VIRTUAL TABLE INDEX" is its own index lookup. */
const isFullScan = (line: string) => /^\s*SCAN /.test(line) && !/VIRTUAL TABLE INDEX/.test(line);

const ON_REQUEST_PATH: { names: string[]; factory: (db: Db) => unknown }[] = [
  { names: ['GET /api/lieux/:id — le lieu', 'GET /api/lieux/:id — ses sources'], factory: createLieuxQueries },
  { names: ['GET /api/communes?q= — par nom (FTS5)', 'GET /api/communes?q= — par code postal'], factory: createCommunesQueries },
];

export function requestPathPlans(db: Db): QueryPlan[] {
  return ON_REQUEST_PATH.flatMap(({ names, factory }) => {
    const statements = preparedBy(db, factory);
    if (statements.length !== names.length) {
      throw new Error(`${statements.length} requêtes préparées au lieu de ${names.length} : mettez à jour tests/bench/query-plans.ts.`);
    }
    return statements.map((sql, i) => {
      const plan = explain(db, sql);
      return { name: names[i]!, sql: sql.replace(/\s+/g, ' ').trim(), plan, fullScans: plan.filter(isFullScan).map((l) => l.trim()) };
    });
  });
}
