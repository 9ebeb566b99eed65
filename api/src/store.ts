import type { Db } from './db/client.ts';
import { ApiError } from './http/errors.ts';
import { createLieuxQueries, type LieuxQueries } from './features/lieux/lieux.queries.ts';
import { loadVocabulary, type Vocabulary } from './features/services/vocabulary.ts';

export type Store = { db: Db; lieux: LieuxQueries; vocabulary: Vocabulary };

/**
 * The data the routes read, prepared once the import has filled the database. Until then every
 * data route answers 503, so a server started before the import never serves empty results.
 */
export function createStoreAccess(db: Db) {
  let store: Store | undefined;
  const tryLoad = (): Store | undefined => {
    if (store) return store;
    try {
      const vocabulary = loadVocabulary(db);
      const hasPlaces = db.prepare('SELECT 1 FROM lieux LIMIT 1').get() !== undefined;
      if (!hasPlaces || vocabulary.services.length === 0) return undefined;
      store = { db, lieux: createLieuxQueries(db), vocabulary };
    } catch {
      // No schema yet: the import has not run.
      return undefined;
    }
    return store;
  };
  return {
    tryLoad,
    get(): Store {
      const s = tryLoad();
      if (!s) throw new ApiError(503, 'indisponible');
      return s;
    },
  };
}

export type StoreAccess = ReturnType<typeof createStoreAccess>;
