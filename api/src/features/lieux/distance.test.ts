import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceMeters as greatCircleMeters } from '@reperes/data/geo.ts';
import { boxesAround } from './distance.ts';
import { foldWords } from '@reperes/data/normalise.ts';
import { searchWords } from './search-text.ts';

describe('great-circle distance', () => {
  it('measures Paris to Marseille as about 660 km and a point to itself as 0', () => {
    expect(greatCircleMeters(48.8566, 2.3522, 43.2965, 5.3698) / 1000).toBeCloseTo(660.5, 0);
    expect(greatCircleMeters(45.43, 4.38, 45.43, 4.38)).toBe(0);
  });

  it('shrinks degrees of longitude towards the poles', () => {
    const atEquator = greatCircleMeters(0, 0, 0, 1);
    const inParis = greatCircleMeters(48.85, 2, 48.85, 3);
    expect(atEquator).toBeCloseTo(111_195, -1);
    expect(inParis / atEquator).toBeCloseTo(Math.cos((48.85 * Math.PI) / 180), 3);
  });
});

/** A number spread evenly over [min, max]: fc.double draws most of its values next to zero. */
const uniform = (min: number, max: number) => fc.integer({ min: 0, max: 2 ** 30 }).map((k) => min + ((max - min) * k) / 2 ** 30);

describe('boxes around a point', () => {
  const point = fc.record({ lon: uniform(-180, 180), lat: uniform(-90, 90) });

  it('hold every point within the distance, across the ±180° meridian and the poles too', () => {
    // Points near each other, on a circle around the centre in any direction, and anywhere on Earth.
    const onCircle = fc
      .tuple(point, uniform(0, 2 * Math.PI), uniform(0, Math.PI))
      .map(([a, bearing, angle]) => {
        const [lat, lon] = [(a.lat * Math.PI) / 180, (a.lon * Math.PI) / 180];
        const lat2 = Math.asin(Math.sin(lat) * Math.cos(angle) + Math.cos(lat) * Math.sin(angle) * Math.cos(bearing));
        const lon2 = lon + Math.atan2(Math.sin(bearing) * Math.sin(angle) * Math.cos(lat), Math.cos(angle) - Math.sin(lat) * Math.sin(lat2));
        return [a, { lon: ((((lon2 * 180) / Math.PI + 540) % 360) - 180), lat: (lat2 * 180) / Math.PI }] as const;
      });
    const pair = fc.oneof(
      onCircle,
      fc.tuple(point, uniform(-1, 1), uniform(-1, 1)).map(([a, dLon, dLat]) => [a, {
        lon: ((a.lon + dLon + 540) % 360) - 180, lat: Math.max(-90, Math.min(90, a.lat + dLat)),
      }] as const),
      fc.tuple(point, point),
    );
    fc.assert(
      fc.property(pair, uniform(1, 1.01), ([centre, other], slack) => {
        const metres = greatCircleMeters(centre.lat, centre.lon, other.lat, other.lon) * slack;
        const boxes = boxesAround(centre, Math.max(metres, 1));
        expect(boxes.some((b) => other.lon >= b.minLon && other.lon <= b.maxLon && other.lat >= b.minLat && other.lat <= b.maxLat)).toBe(true);
        for (const b of boxes) expect(b.minLon >= -180 && b.maxLon <= 180 && b.minLat >= -90 && b.maxLat <= 90).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('stay small where a small circle is: about 2 km on each side of Bobigny for 2 km', () => {
    const [box, ...more] = boxesAround({ lon: 2.44, lat: 48.91 }, 2000);
    expect(more).toEqual([]);
    expect(greatCircleMeters(48.91, box!.minLon, 48.91, box!.maxLon)).toBeCloseTo(4004, -1);
    expect(greatCircleMeters(box!.minLat, 2.44, box!.maxLat, 2.44)).toBeCloseTo(4004, -1);
  });
});

describe('search text', () => {
  it('folds accents, case, hyphens and apostrophes into plain words', () => {
    expect(foldWords('Saint-Étienne')).toBe('saint etienne');
    expect(foldWords("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(foldWords('  ŒUVRE  d’Æsop 😀 ')).toBe('oeuvre d aesop');
    expect(foldWords('"*NEAR(')).toBe('near');
  });

  it('reads “st” and “ste” as “saint” and “sainte” as well', () => {
    expect(searchWords('St-Denis ste')).toEqual([
      { word: 'st', alternatives: ['st', 'saint'] },
      { word: 'denis', alternatives: ['denis'] },
      { word: 'ste', alternatives: ['ste', 'sainte'] },
    ]);
    expect(searchWords('strasbourg')[0]!.alternatives).toEqual(['strasbourg']);
  });

  it('keeps at most 8 words of a long search', () => {
    expect(searchWords('a b c d e f g h i j k')).toHaveLength(8);
  });
});
