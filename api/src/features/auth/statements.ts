import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/client.ts';

/**
 * Prepared on first use, then kept: the app is also built over databases that the import has
 * not migrated yet (read-only test copies), where preparing these at startup would throw.
 */
export function statements<K extends string>(db: Db, sql: Record<K, string>): Record<K, Statement> {
  const cache = new Map<K, Statement>();
  const out = {} as Record<K, Statement>;
  for (const key of Object.keys(sql) as K[]) {
    Object.defineProperty(out, key, {
      get: () => {
        let stmt = cache.get(key);
        if (!stmt) cache.set(key, (stmt = db.prepare(sql[key])));
        return stmt;
      },
    });
  }
  return out;
}
