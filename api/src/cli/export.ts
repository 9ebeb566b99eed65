import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Db } from '../db/client.ts';
import { exportVocabulary, placePages } from '../features/export/export.queries.ts';
import { exportQuery } from '../contract/params.ts';
import { exportChunks, exportMeta } from '../features/export/writers.ts';
import { WORLD } from '../features/lieux/place-index.ts';
import { labelNames, loadVocabulary, resolveFilter } from '../features/services/vocabulary.ts';
import { ApiError } from '../http/errors.ts';
import { fr } from '../i18n/fr.ts';
import { message, type Lang, type MessageKey } from '../i18n/messages.ts';

async function write(out: Writable, chunks: Iterable<string>) {
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * `npm run cli -- export --format lmn-csv|geojson|data-inclusion [filters] --output FILE` (or `npm run --silent … > FILE`): the same query
 * parameters, checks and writers as GET /api/export. The CSV's licence and date go to stderr,
 * as they go to headers over HTTP.
 */
export async function runExport(db: Db, query: Record<string, string>, output: string | null, lang: Lang): Promise<number> {
  const parsed = exportQuery.safeParse(query);
  if (!parsed.success) {
    const first = parsed.error.issues[0]?.message ?? '';
    const key: MessageKey = Object.hasOwn(fr, first) ? (first as MessageKey) : 'requete_invalide';
    process.stderr.write(`${message(lang, key, { values: '', max: '' })}\n`);
    return 2;
  }
  const q = parsed.data;
  let masks;
  let labels: string[];
  try {
    const vocabulary = loadVocabulary(db);
    masks = resolveFilter(vocabulary, q.services, q.types, q.labels);
    labels = labelNames(vocabulary, masks.labels);
  } catch (err) {
    if (err instanceof ApiError) {
      process.stderr.write(`${message(lang, err.code, err.params)}\n`);
      return 2;
    }
    throw err;
  }
  const vocab = exportVocabulary(db);
  const meta = exportMeta(vocab.sources);
  const out = output ? createWriteStream(output) : process.stdout;
  await write(out, exportChunks(q.format, () => placePages(db, vocab, { bbox: q.bbox ?? WORLD, masks, labels }), meta, vocab));
  if (output) {
    out.end();
    await once(out, 'finish');
  }
  if (q.format === 'lmn-csv') process.stderr.write(`${meta.licence} (${meta.licence_url}), ${meta.date}\n`);
  return 0;
}
