/**
 * The in-memory index alone, without HTTP: CPU time of a town query and of a name search, in the
 * benchmark's own process. CPU time rather than wall time, because other work on a shared machine
 * stretches wall time (and every HTTP latency) but hardly the CPU a query itself uses.
 */
import type { Db } from '@reperes/api/db/client.ts';
import { PlaceIndex } from '@reperes/api/features/lieux/place-index.ts';
import { loadVocabulary, resolveFilter } from '@reperes/api/features/services/vocabulary.ts';
import { NAME_QUERIES, TOWNS } from './load.ts';

export type IndexCost = {
  /** Reading every place from SQLite and building the index, wall time. */
  buildSeconds: number;
  /** CPU time of one town + service query (first page of 50), in microseconds. */
  townMicros: number;
  /** Places matching a town + service query, on average: the density grows with the copies. */
  townMatches: number;
  /** CPU time of one name search across France (5 results), in microseconds. */
  nameMicros: number;
};

const cpuMicros = (run: () => void, times: number) => {
  const before = process.cpuUsage();
  for (let i = 0; i < times; i += 1) run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / times;
};

export function indexCost(db: Db): IndexCost {
  const vocabulary = loadVocabulary(db);
  const started = performance.now();
  const index = PlaceIndex.load(db, vocabulary.labels);
  const buildSeconds = (performance.now() - started) / 1000;
  const masks = resolveFilter(vocabulary, ['aide-aux-demarches-administratives']);
  const none = resolveFilter(vocabulary);
  const now = new Date();
  const boxes = Object.values(TOWNS).map((b) => {
    const [minLon, minLat, maxLon, maxLat] = b.split(',').map(Number) as [number, number, number, number];
    return { minLon, minLat, maxLon, maxLat };
  });
  const world = { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 };
  let matches = 0;
  const town = () => boxes.forEach((box) => (matches += index.search(box, masks, 50, 0, { now }).total));
  const name = () => NAME_QUERIES.forEach((q) => index.search(world, none, 5, 0, { q, now }));
  town(); // JIT warm-up
  name();
  matches = 0;
  const rounds = 50;
  const townMicros = cpuMicros(town, rounds) / boxes.length;
  const townMatches = matches / (rounds * boxes.length);
  const nameMicros = cpuMicros(name, 3) / NAME_QUERIES.length;
  return { buildSeconds, townMicros, townMatches, nameMicros };
}
