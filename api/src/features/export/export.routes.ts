import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { exportQuery } from '../../contract/params.ts';
import { validate } from '../../http/validate.ts';
import type { StoreAccess } from '../../store.ts';
import { WORLD } from '../lieux/place-index.ts';
import { labelNames, resolveFilter } from '../services/vocabulary.ts';
import { exportVocabulary, placePages } from './export.queries.ts';
import { CONTENT_TYPES, exportChunks, exportMeta, FILE_NAMES } from './writers.ts';

/**
 * The places (all, or those of the same filter as /api/lieux) in a national format, streamed a
 * page at a time. The CSV cannot hold a comment line, so its licence and date travel in headers.
 */
export const exportRoutes = (stores: StoreAccess) =>
  new Hono().get('/', validate('query', exportQuery), (c) => {
    const q = c.req.valid('query');
    const store = stores.get();
    const masks = resolveFilter(store.vocabulary, q.services, q.types, q.labels);
    const vocab = exportVocabulary(store.db);
    const meta = exportMeta(vocab.sources);
    const bbox = q.bbox ?? WORLD;
    const labels = labelNames(store.vocabulary, masks.labels);
    c.header('Content-Type', CONTENT_TYPES[q.format]);
    c.header('Content-Disposition', `attachment; filename="${FILE_NAMES[q.format]}"`);
    c.header('Link', `<${meta.licence_url}>; rel="license"`);
    c.header('X-Licence', meta.licence);
    c.header('X-Date-Export', meta.date);
    return stream(c, async (s) => {
      for (const chunk of exportChunks(q.format, () => placePages(store.db, vocab, { bbox, masks, labels }), meta, vocab)) {
        await s.write(chunk);
      }
    });
  });
