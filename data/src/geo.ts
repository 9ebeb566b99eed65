export type Territory = 'metro' | 'drom';

// Metropolitan France (with Corsica) and the five DROM, a little wider than basemap/territoires.json
// so that coastal and island places stay in. Collectivités d'outre-mer are outside: no basemap there.
const BOXES: { territory: Territory; minLon: number; minLat: number; maxLon: number; maxLat: number }[] = [
  { territory: 'metro', minLon: -5.3, minLat: 41.2, maxLon: 9.7, maxLat: 51.2 },
  { territory: 'drom', minLon: -61.9, minLat: 15.8, maxLon: -60.95, maxLat: 16.55 }, // Guadeloupe
  { territory: 'drom', minLon: -61.3, minLat: 14.35, maxLon: -60.75, maxLat: 14.9 }, // Martinique
  { territory: 'drom', minLon: -54.7, minLat: 2.0, maxLon: -51.5, maxLat: 5.85 }, // Guyane
  { territory: 'drom', minLon: 55.15, minLat: -21.45, maxLon: 55.9, maxLat: -20.8 }, // La Réunion
  { territory: 'drom', minLon: 44.95, minLat: -13.05, maxLon: 45.35, maxLat: -12.6 }, // Mayotte
];

export function territoryOf(lat: number, lon: number): Territory | null {
  for (const b of BOXES) {
    if (lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat) return b.territory;
  }
  return null;
}

/** The Earth's mean radius: distances on a sphere, within 0.5 % of the ellipsoid at French latitudes. */
export const EARTH_RADIUS_M = 6_371_000;
const RAD = Math.PI / 180;

/** Great-circle (haversine) distance in metres: the one distance of the app, import and API alike. */
export function distanceMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Buckets of items by ~300 m cells, so that finding neighbours costs a look at 9 cells instead of
 * a scan of every place. Cells are wide enough for the largest merge radius used with it.
 */
export class Grid<T> {
  private readonly cells = new Map<string, T[]>();
  constructor(private readonly cellDeg = 0.003) {}

  private key(x: number, y: number): string {
    return `${x}:${y}`;
  }

  add(lat: number, lon: number, item: T): void {
    const k = this.key(Math.floor(lat / this.cellDeg), Math.floor(lon / this.cellDeg));
    const cell = this.cells.get(k);
    if (cell) cell.push(item);
    else this.cells.set(k, [item]);
  }

  /** Items in the cell of the point and the 8 around it (at least one cell width in every direction). */
  near(lat: number, lon: number): T[] {
    const cy = Math.floor(lat / this.cellDeg);
    const cx = Math.floor(lon / this.cellDeg);
    const out: T[] = [];
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const cell = this.cells.get(this.key(cy + dy, cx + dx));
        if (cell) out.push(...cell);
      }
    }
    return out;
  }
}
