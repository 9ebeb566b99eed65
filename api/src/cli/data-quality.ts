import { defaultDbPath, openDb } from '../db/client.ts';
import { dataQuality, formatQuality } from '../features/shipped-data/quality.ts';

// `npm run data:quality`: what the places people will read are worth, measured on the database.
const db = openDb(defaultDbPath(), { readonly: true });
try {
  console.log(formatQuality(dataQuality(db)));
} finally {
  db.close();
}
