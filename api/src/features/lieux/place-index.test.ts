import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bbox } from '../../contract/params.ts';
import type { FilterMasks, Label } from '../services/vocabulary.ts';
import { type IndexedRow, PlaceIndex } from './place-index.ts';

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
