import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Bbox, Point } from '../../contract/params.ts';
import { realApp } from '../../testing/real-db.ts';
import { type FilterMasks, type Label, loadVocabulary, resolveFilter } from '../services/vocabulary.ts';
import { distanceMeters as greatCircleMeters } from '@reperes/data/geo.ts';
import { APPROXIMATE_PENALTY_M, type IndexedRow, PlaceIndex, type SearchOptions, WORLD } from './place-index.ts';
import { foldWords } from '@reperes/data/normalise.ts';
import { searchWords } from './search-text.ts';

const LABELS: Label[] = [{ id: 'aidants-connect', bit: 0, label: 'Aidants Connect', label_en: 'Aidants Connect' }];
const NO_FILTER: FilterMasks = { numerique: 0, demarches: 0, types: 0, labels: 0 };
const NOW = new Date('2026-11-24T10:30:00+01:00');

const row = (id: string, lon: number, lat: number, extra: Partial<IndexedRow> = {}): IndexedRow => ({
  id, nom: `Lieu ${id}`, latitude: lat, longitude: lon, precision: 'adresse', code_postal: '93000', commune: 'Bobigny',
  types: '[]', services: '[]', services_mask: 1, types_mask: 1, departement: '93', horaires_osm: 'Mo-Fr 09:00-17:00',
  labels: '[]', ...extra,
});

const ids = (index: PlaceIndex, bbox: Bbox, masks = NO_FILTER) =>
  (JSON.parse(index.search(bbox, masks, 10_000, 0, { now: NOW }).itemsJson) as { id: string }[]).map((p) => p.id).sort();

const BOBIGNY: Bbox = { minLon: 2.40, minLat: 48.89, maxLon: 2.47, maxLat: 48.93 };
const RENNES: Bbox = { minLon: -1.71, minLat: 48.09, maxLon: -1.64, maxLat: 48.13 };

describe('an edit reaches the index without a rebuild', () => {
  it('a place moved by a coordinator is found at its new address and no longer at the old one', () => {
    const index = new PlaceIndex([row('a', 2.44, 48.91), row('b', 2.45, 48.92)], LABELS);
    expect(index.replace('a', row('a', -1.68, 48.11, { nom: 'Espace numérique de Rennes' }))).toBe(true);
    expect(ids(index, BOBIGNY)).toEqual(['b']);
    expect(ids(index, RENNES)).toEqual(['a']);
    expect(index.search(RENNES, NO_FILTER, 10, 0, { q: 'espace rennes', now: NOW }).total).toBe(1);
    expect(index.size).toBe(2);
  });

  it('an archived place disappears from lists, counts and clusters', () => {
    const index = new PlaceIndex([row('a', 2.44, 48.91), row('b', 2.45, 48.92)], LABELS);
    index.replace('a', undefined);
    expect(ids(index, BOBIGNY)).toEqual(['b']);
    expect(index.size).toBe(1);
    expect(index.clusters(BOBIGNY, NO_FILTER, 1).reduce((n, c) => n + c.count, 0)).toBe(1);
    expect(index.facets(BOBIGNY).reduce((n, c) => n + c.n, 0)).toBe(1);
  });

  it('a new label given to a place makes it match the label filter', () => {
    const index = new PlaceIndex([row('a', 2.44, 48.91)], LABELS);
    const aidants = { ...NO_FILTER, labels: 1 };
    expect(ids(index, BOBIGNY, aidants)).toEqual([]);
    index.replace('a', row('a', 2.44, 48.91, { labels: '["Aidants Connect"]' }));
    expect(ids(index, BOBIGNY, aidants)).toEqual(['a']);
  });

  it('built empty, finds the places added since by name and around a point', () => {
    const index = new PlaceIndex([], LABELS);
    index.replace('a', row('a', 2.44, 48.91, { nom: 'Médiathèque Elsa Triolet' }));
    expect(index.search(WORLD, NO_FILTER, 10, 0, { q: 'mediath', now: NOW }).total).toBe(1);
    const around = index.search(WORLD, NO_FILTER, 10, 0, { near: { lon: 2.4, lat: 48.9 }, now: NOW });
    expect(around.total).toBe(1);
    expect(JSON.parse(around.itemsJson)).toMatchObject([{ id: 'a', distance_m: expect.any(Number) }]);
  });

  it('asks for a rebuild once the overlay of edited places is full', () => {
    const index = new PlaceIndex([row('a', 2.44, 48.91)], LABELS);
    let accepted = 0;
    while (index.replace('a', row('a', 2.44, 48.91))) accepted += 1;
    expect(accepted).toBeGreaterThan(1000);
    expect(ids(index, BOBIGNY)).toEqual(['a']);
  });

  it('after any sequence of edits, answers exactly as an index built from the final rows', () => {
    const base = Array.from({ length: 40 }, (_, i) => row(`p${i}`, 2.40 + (i % 8) * 0.01, 48.89 + Math.floor(i / 8) * 0.01));
    const edit = fc.record({
      id: fc.integer({ min: 0, max: 49 }).map((i) => `p${i}`),
      archived: fc.boolean(),
      lon: fc.double({ min: 2.38, max: 2.49, noNaN: true }),
      lat: fc.double({ min: 48.88, max: 48.94, noNaN: true }),
      services: fc.integer({ min: 1, max: 7 }),
    });
    const box = fc
      .tuple(fc.double({ min: 2.38, max: 2.49, noNaN: true }), fc.double({ min: 48.88, max: 48.94, noNaN: true }), fc.double({ min: 0, max: 0.1, noNaN: true }))
      .map(([lon, lat, size]): Bbox => ({ minLon: lon, minLat: lat, maxLon: lon + size, maxLat: lat + size }));
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 60 }), box, fc.integer({ min: 0, max: 7 }), (edits, bbox, numerique) => {
        const incremental = new PlaceIndex(base, LABELS);
        const final = new Map(base.map((r) => [r.id, r]));
        for (const e of edits) {
          const next = e.archived ? undefined : row(e.id, e.lon, e.lat, { services_mask: e.services });
          incremental.replace(e.id, next);
          if (next) final.set(e.id, next);
          else final.delete(e.id);
        }
        const rebuilt = new PlaceIndex([...final.values()], LABELS);
        const masks = { ...NO_FILTER, numerique };
        expect(ids(incremental, bbox, masks)).toEqual(ids(rebuilt, bbox, masks));
        expect(incremental.size).toBe(rebuilt.size);
      }),
      { numRuns: 200 },
    );
  });
});

/** A number spread evenly over [min, max]: fc.double draws most of its values next to zero. */
const uniform = (min: number, max: number) => fc.integer({ min: 0, max: 2 ** 30 }).map((k) => min + ((max - min) * k) / 2 ** 30);

type Answer = { total: number; ids: string[]; metres: (number | undefined)[] };

const answer = (index: PlaceIndex, bbox: Bbox, masks: FilterMasks, limit: number, offset: number, options: SearchOptions): Answer => {
  const { total, itemsJson } = index.search(bbox, masks, limit, offset, { ...options, now: NOW });
  const items = JSON.parse(itemsJson) as { id: string; distance_m?: number }[];
  return { total, ids: items.map((p) => p.id), metres: items.map((p) => p.distance_m) };
};

/**
 * The answers of a scan of every place, written as plainly as possible: the word rule is the one
 * the index had before its word index (every searched word, or one of its alternatives, follows
 * a space in the folded name and commune), the order is by distance then position.
 */
class Scan {
  private readonly places: { id: string; lon: number; lat: number; text: string; services: bigint; types: bigint; labels: number; live: boolean; approximate: boolean }[] = [];
  private readonly labelBits: Map<string, number>;

  constructor(rows: IndexedRow[], labels: Label[]) {
    this.labelBits = new Map(labels.map((l) => [l.label, l.bit]));
    for (const r of rows) this.add(r);
  }

  private add(r: IndexedRow) {
    const labels = (JSON.parse(r.labels) as string[]).reduce((mask, l) => (this.labelBits.has(l) ? mask | (1 << this.labelBits.get(l)!) : mask), 0);
    this.places.push({
      id: r.id, lon: r.longitude, lat: r.latitude, text: ` ${foldWords(`${r.nom} ${r.commune ?? ''} ${r.ancien_nom ?? ''}`)}`,
      services: BigInt(r.services_mask), types: BigInt(r.types_mask), labels, live: true, approximate: r.precision === 'commune',
    });
  }

  replace(id: string, row: IndexedRow | undefined) {
    for (const p of this.places) if (p.id === id) p.live = false;
    if (row) this.add(row);
  }

  answer(bbox: Bbox, masks: FilterMasks, limit: number, offset: number, options: SearchOptions): Answer {
    const { near, q } = options;
    const words = q === undefined ? undefined : searchWords(q);
    const centre = { lon: (bbox.minLon + bbox.maxLon) / 2, lat: (bbox.minLat + bbox.maxLat) / 2 };
    const k = Math.cos((centre.lat * Math.PI) / 180);
    const has = (mask: bigint, filter: number) => filter === 0 || (mask & BigInt(filter)) !== 0n;
    const found: { id: string; position: number; d: number; metres: number }[] = [];
    this.places.forEach((p, position) => {
      if (!p.live || p.lon < bbox.minLon || p.lon > bbox.maxLon || p.lat < bbox.minLat || p.lat > bbox.maxLat) return;
      if (!has(p.services, masks.numerique) || !has(p.services, masks.demarches) || !has(p.types, masks.types)) return;
      if (masks.labels !== 0 && (p.labels & masks.labels) === 0) return;
      if (words && !(words.length > 0 && words.every((w) => w.alternatives.some((a) => p.text.includes(` ${a}`))))) return;
      // A place known only by its commune ranks 2 km farther than its point.
      const penalty = p.approximate ? APPROXIMATE_PENALTY_M : 0;
      const metres = near ? greatCircleMeters(near.lat, near.lon, p.lat, p.lon) : 0;
      const d = near ? metres + penalty : Math.hypot((p.lon - centre.lon) * k, p.lat - centre.lat) * 111_320 + penalty;
      found.push({ id: p.id, position, d, metres });
    });
    found.sort((a, b) => a.d - b.d || a.position - b.position);
    const page = found.slice(offset, offset + limit);
    return { total: found.length, ids: page.map((p) => p.id), metres: page.map((p) => (near ? Math.round(p.metres) : undefined)) };
  }
}

describe('on the real places, the word index and the circles around a point answer as a scan of every place', () => {
  const { db } = realApp();
  afterAll(() => db.close());
  const vocabulary = loadVocabulary(db);
  // Without their opening hours, which have nothing to do with what is found and take seconds to parse.
  const rows = db
    .prepare(`SELECT id, nom, latitude, longitude, precision, code_postal, commune, types, services, services_mask, types_mask,
      departement, NULL AS horaires_osm, labels, json_extract(details, '$.ancien_nom') AS ancien_nom FROM lieux WHERE archived_at IS NULL ORDER BY num`)
    .all() as IndexedRow[];
  const FILTERS: FilterMasks[] = [
    NO_FILTER,
    resolveFilter(vocabulary, [], ['france-services']),
    resolveFilter(vocabulary, [vocabulary.services.find((s) => s.axe === 'numerique')!.id]),
    resolveFilter(vocabulary, [], [], ['aidants-connect']),
  ];
  const FRANCE: Bbox = { minLon: -5.5, minLat: 41.2, maxLon: 9.8, maxLat: 51.3 };
  const QUERIES = [
    'a', 'e', 's', 'b', 'st', 'ste', 'st etienne', 'saint etienne', 'Saint-Étienne', 'bibliotheque', 'BIBLIOTHÈQUE Bobigny',
    'france services', 'france serv st', 'médiathèque', 'œuvre', 'zzqxw', 'bobigny zzqxw', '93', '75', '2', 'mairie de paris',
    'maison de services au public', 'centre social la', "l'", 'de la', '', '😀', 'x'.repeat(60),
  ];
  const POINTS = {
    bobigny: { lon: 2.4397, lat: 48.9085 }, reunion: { lon: 55.4504, lat: -20.8789 }, cayenne: { lon: -52.33, lat: 4.93 },
    atlantic: { lon: -30, lat: 45 }, corsica: { lon: 9.15, lat: 42.15 }, antimeridian: { lon: -179.99, lat: -13.3 }, pole: { lon: 10, lat: 89.99 },
  };
  // One to three words cut from real places' names and communes, so that most random queries find something.
  const realWords = fc
    .array(fc.tuple(fc.nat(rows.length - 1), fc.nat(), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 3 })
    .map((picks) =>
      picks
        .map(([place, word, length]) => {
          const words = foldWords(`${rows[place]!.nom} ${rows[place]!.commune ?? ''}`).split(' ');
          return words[word % words.length]!.slice(0, length);
        })
        .join(' '));

  const index = new PlaceIndex(rows, vocabulary.labels);
  const scan = new Scan(rows, vocabulary.labels);

  const expectSameNames = (qs: string[]) => {
    for (const q of qs) {
      for (const masks of FILTERS) {
        expect(answer(index, WORLD, masks, 30, 0, { q }), `q=${q}`).toEqual(scan.answer(WORLD, masks, 30, 0, { q }));
      }
      expect(answer(index, WORLD, NO_FILTER, 10, 200, { q }), `q=${q} offset`).toEqual(scan.answer(WORLD, NO_FILTER, 10, 200, { q }));
      expect(answer(index, FRANCE, NO_FILTER, 10, 0, { q }), `q=${q} France`).toEqual(scan.answer(FRANCE, NO_FILTER, 10, 0, { q }));
      expect(answer(index, BOBIGNY, NO_FILTER, 10, 0, { q }), `q=${q} Bobigny`).toEqual(scan.answer(BOBIGNY, NO_FILTER, 10, 0, { q }));
      const near = { near: POINTS.bobigny, q };
      expect(answer(index, WORLD, NO_FILTER, 10, 0, near), `q=${q} near`).toEqual(scan.answer(WORLD, NO_FILTER, 10, 0, near));
    }
  };

  const expectSameNearest = (points: Point[]) => {
    for (const near of points) {
      for (const [masks, limit, offset] of [
        [NO_FILTER, 1, 0], [NO_FILTER, 50, 0], [NO_FILTER, 20, 480], ...FILTERS.slice(1).map((m) => [m, 20, 0] as const),
      ] as const) {
        const label = `near=${near.lon},${near.lat} limit=${limit} offset=${offset}`;
        expect(answer(index, WORLD, masks, limit, offset, { near }), label).toEqual(scan.answer(WORLD, masks, limit, offset, { near }));
      }
    }
  };

  it('finds by name exactly what the scan finds, in the same order', () => {
    expectSameNames(QUERIES);
    fc.assert(fc.property(realWords, (q) => expectSameNames([q])), { numRuns: 60 });
  }, 60_000);

  it('lists the places nearest to a point exactly as the scan does, with the same distances and total', () => {
    expectSameNearest(Object.values(POINTS));
    // Anywhere on Earth, mostly far from everything, or a few kilometres from a real place.
    const anywhere = fc.record({ lon: uniform(-180, 180), lat: uniform(-90, 90) });
    const nearPlace = fc
      .tuple(fc.nat(rows.length - 1), uniform(-0.05, 0.05), uniform(-0.05, 0.05))
      .map(([i, dLon, dLat]) => ({ lon: rows[i]!.longitude + dLon, lat: rows[i]!.latitude + dLat }));
    fc.assert(fc.property(fc.oneof(anywhere, nearPlace), (p) => expectSameNearest([p])), { numRuns: 20 });
  }, 60_000);

  it('still does after edits move and rename places into the overlay and archive others', () => {
    const edits = fc.sample(
      fc.record({
        place: fc.nat(rows.length - 1),
        archived: fc.boolean(),
        lon: uniform(-180, 180),
        // The poles are left to the edit below, which must be the place nearest to one.
        lat: uniform(-85, 85),
        nom: fc.constantFrom(undefined, 'Bibliothèque Zqxw', 'Mairie annexe de Saint-Étienne', 'Espace numérique'),
        services_mask: fc.integer({ min: 0, max: 2 ** 20 }),
      }),
      { numRuns: 300, seed: 42 },
    );
    // Also across the ±180° meridian and next to a pole, where the circles' boxes need care.
    edits.push({ place: 0, archived: false, lon: 179.99, lat: -13.3, nom: 'Espace numérique', services_mask: 1 });
    edits.push({ place: 1, archived: false, lon: -170, lat: 89.995, nom: undefined, services_mask: 1 });
    for (const e of edits) {
      const old = rows[e.place]!;
      const next = e.archived ? undefined : { ...old, nom: e.nom ?? old.nom, longitude: e.lon, latitude: e.lat, services_mask: e.services_mask };
      expect(index.replace(old.id, next)).toBe(true);
      scan.replace(old.id, next);
    }
    expectSameNames([...QUERIES, 'zqxw', 'bibliotheque zq', 'espace num', 'mairie annexe st etienne']);
    expectSameNearest(Object.values(POINTS));
    // Not vacuous: the place moved across the meridian, 2 km away, is what these points find first.
    expect(answer(index, WORLD, NO_FILTER, 1, 0, { near: POINTS.antimeridian }).ids).toEqual([rows[0]!.id]);
    expect(answer(index, WORLD, NO_FILTER, 1, 0, { near: POINTS.pole }).ids).toEqual([rows[1]!.id]);
  }, 60_000);
});
