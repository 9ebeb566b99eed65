// Pure helpers of the scale benchmark (tests/bench/scale.ts): the generated places and the chart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceMeters as greatCircleMeters } from '@reperes/data/geo.ts';
import type { Lieu } from '@reperes/data/lieux.ts';
import { scaleChartSvg } from '../bench/scale-chart.ts';
import { JITTER_MAX_M, JITTER_MIN_M, jitter, scaleTables, seededRandom } from '../bench/scaled-db.ts';

const place = (id: string, latitude: number, longitude: number): Lieu => ({
  id, nom: `Maison ${id}`, adresse: '1 rue de la Paix', complementAdresse: null, codePostal: '93000', commune: 'Bobigny',
  codeInsee: '93008', departement: '93', latitude, longitude, precision: 'adresse', telephone: '01 00 00 00 00',
  courriel: null, siteWeb: null, horairesTexte: 'lun. 9h-12h', horairesOsm: 'Mo 09:00-12:00', services: ['aide-aux-demarches-administratives'],
  types: ['france-services'], labels: [], details: { publics: ['tous'] }, dateMaj: '2026-01-01', servicesMask: 2n ** 62n + 1n,
  typesMask: 4n, sources: [{ source: 'france-services', ref: id, dateMaj: null }], unconfirmedFranceServices: false,
});

describe('scale benchmark data', () => {
  it('moves a copied place between 300 m and 3 km from the real one, wherever it is', () => {
    fc.assert(
      fc.property(fc.double({ min: -70, max: 70, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), fc.nat(), (lat, lon, seed) => {
        const moved = jitter(lat, lon, seededRandom(seed));
        const metres = greatCircleMeters(lat, lon, moved.lat, moved.lon);
        expect(metres).toBeGreaterThan(JITTER_MIN_M * 0.98);
        expect(metres).toBeLessThan(JITTER_MAX_M * 1.02);
      }),
    );
  });

  it('gives every copy its own id, name and source refs and keeps every other field real', () => {
    const real = [place('fs-1', 48.9, 2.44), place('fs-2', 45.76, 4.84)];
    const tables = { services: [], types: [], sources: [], lieux: real, meta: { lieux_count: '2' } };
    const scaled = scaleTables(tables, 3);
    expect(scaled.lieux.map((l) => l.id)).toEqual(['fs-1', 'fs-2', 'fs-1-x1', 'fs-2-x1', 'fs-1-x2', 'fs-2-x2']);
    expect(scaled.meta.lieux_count).toBe('6');
    expect(new Set(scaled.lieux.map((l) => l.nom)).size).toBe(6);
    expect(new Set(scaled.lieux.flatMap((l) => l.sources.map((s) => `${s.source}/${s.ref}`))).size).toBe(6);
    const copy = scaled.lieux[4]!;
    expect(copy.latitude).not.toBe(real[0]!.latitude);
    const keep = ({ id: _i, nom: _n, latitude: _la, longitude: _lo, sources: _s, ...rest }: Lieu) => rest;
    expect(keep(copy)).toEqual(keep(real[0]!));
  });

  it('draws a quantity that grows like the data exactly on the linear reference', () => {
    const svg = scaleChartSvg('Essai', [1, 4, 16], [{ name: 'linéaire', color: '#000', ratios: [1, 4, 16] }, { name: 'constant', color: '#111', ratios: [1, 1, null] }]);
    const reference = /<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" stroke="#555"/.exec(svg)!.slice(1).map(Number);
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="4" fill="(#\d+)"/g)].map((m) => [Number(m[1]), Number(m[2]), m[3]]);
    expect(circles).toHaveLength(5);
    const linear = circles.filter((c) => c[2] === '#000');
    expect(linear[0]![0]).toBeCloseTo(reference[0]!, 0);
    expect(linear[0]![1]).toBeCloseTo(reference[1]!, 0);
    expect(linear[2]![0]).toBeCloseTo(reference[2]!, 0);
    expect(linear[2]![1]).toBeCloseTo(reference[3]!, 0);
  });
});
