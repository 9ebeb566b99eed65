import type { Db } from './db/client.ts';
import { ApiError } from './http/errors.ts';
import { createLieuxQueries, type LieuxQueries } from './features/lieux/lieux.queries.ts';
import { PlaceIndex, type IndexedRow } from './features/lieux/place-index.ts';
import { loadVocabulary, type Vocabulary } from './features/services/vocabulary.ts';

export type Store = { db: Db; lieux: LieuxQueries; index: PlaceIndex; vocabulary: Vocabulary };

/**
 * The data the routes read, prepared once the import has filled the database. Until then every
 * data route answers 503, so a server started before the import never serves empty results.
 * The in-memory index follows the database: SQLite's data_version changes when another
 * connection (an import) commits; `invalidate()` and `placeChanged()` cover writes made through
 * this one.
 */
export function createStoreAccess(db: Db) {
  let store: Store | undefined;
  let loadedVersion = -1;
  /** Counts the stores built: it changes whenever what the public routes read may have changed. */
  let generation = 0;
  let dataVersion: (() => number) | undefined;
  let readRow: ((id: string) => IndexedRow | undefined) | undefined;

  const load = (): Store | undefined => {
    try {
      dataVersion ??= (() => {
        const stmt = db.prepare('PRAGMA data_version').pluck();
        return () => stmt.get() as number;
      })();
      const version = dataVersion();
      if (store && version === loadedVersion) return store;
      const vocabulary = loadVocabulary(db);
      const index = PlaceIndex.load(db, vocabulary.labels);
      if (index.size === 0 || vocabulary.services.length === 0) return undefined;
      store = { db, lieux: store?.lieux ?? createLieuxQueries(db), index, vocabulary };
      loadedVersion = version;
      generation += 1;
      return store;
    } catch {
      // No schema yet: the import has not run.
      return undefined;
    }
  };

  return {
    tryLoad: load,
    get(): Store {
      const s = load();
      if (!s) throw new ApiError(503, 'indisponible');
      return s;
    },
    /** Which data the public routes answer from now (0 before the import): a cheap ETag ingredient. */
    generation(): number {
      return load() ? generation : 0;
    },
    /** To call after this process wrote many places (an import): the index is rebuilt on the next request. */
    invalidate() {
      loadedVersion = -1;
    },
    /**
     * To call after this process changed one place (an edit): the index takes its new state in
     * microseconds instead of a rebuild, so coordinators' saves don't stall public reads.
     */
    placeChanged(id: string) {
      if (!store || loadedVersion !== dataVersion?.()) return;
      readRow ??= PlaceIndex.rowReader(db);
      if (store.index.replace(id, readRow(id))) generation += 1;
      else loadedVersion = -1;
    },
  };
}

export type StoreAccess = ReturnType<typeof createStoreAccess>;
