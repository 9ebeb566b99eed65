import { existsSync } from 'node:fs';
import { createApp } from '../app.ts';
import { defaultDbPath, openDb } from '../db/client.ts';

/**
 * The API tests read the real imported database, so they exercise the real data and SQL.
 * `npm test` runs the import first; running a test file alone needs `npm run data:import` once.
 */
export function realApp() {
  const path = defaultDbPath();
  if (!existsSync(path)) {
    throw new Error(`Base absente (${path}) : lancez « npm run data:import » avant les tests de l’API.`);
  }
  const db = openDb(path, { readonly: true });
  return { app: createApp({ db }), db };
}

export async function getJson(app: ReturnType<typeof createApp>, url: string, headers: Record<string, string> = {}) {
  const res = await app.request(url, { headers });
  return { status: res.status, body: (await res.json()) as any };
}
