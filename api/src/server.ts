import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { repoRoot } from '@reperes/data/paths.ts';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { defaultDbPath, openDb } from './db/client.ts';
import { MigrationDriftError, migrate } from './db/migrate.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const webRoot = process.env.REPERES_WEB_ROOT ?? join(repoRoot, 'web', 'dist');

const dbPath = defaultDbPath();
const db = openDb(dbPath);
try {
  migrate(db);
} catch (error) {
  // A schema this code does not know is never served: a wrong answer is worse than none.
  if (!(error instanceof MigrationDriftError)) throw error;
  console.error(`[repères] la base ${dbPath} ne correspond pas à ce code. ${error.message}`);
  process.exit(1);
}
if (!existsSync(join(webRoot, 'index.html'))) {
  console.warn(`[repères] application web absente (${webRoot}) : lancez « npm run build ». L’API répond quand même.`);
}

// REPERES_HORLOGE fixes the server's clock at an instant (ISO 8601): browser tests and demos then
// see the same "open now" answers whatever the real time of day.
const fixedClock = process.env.REPERES_HORLOGE;
const fixedInstant = fixedClock ? Date.parse(fixedClock) : undefined;
if (fixedInstant !== undefined && Number.isNaN(fixedInstant)) {
  console.error(`[repères] REPERES_HORLOGE n’est pas une date ISO 8601 : « ${fixedClock} ».`);
  process.exit(1);
}
const now = fixedInstant === undefined ? Date.now : () => fixedInstant;

const app = createApp({ db, webRoot, warm: true, now });
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
