import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { defaultDbPath, openDb } from './db/client.ts';
import { migrate } from './db/migrate.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const webRoot = process.env.REPERES_WEB_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

const dbPath = defaultDbPath();
const db = openDb(dbPath);
migrate(db);
if (!existsSync(join(webRoot, 'index.html'))) {
  console.warn(`[repères] application web absente (${webRoot}) : lancez « pnpm build ». L’API répond quand même.`);
}

const app = createApp({ db, webRoot, warm: true });
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`[repères] http://localhost:${info.port} (base : ${dbPath})`);
});

const stop = () => {
  server.close();
  db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
