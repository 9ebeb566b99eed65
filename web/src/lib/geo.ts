/** [west, south, east, north] in degrees, the order the API's `bbox` parameter uses. */
export type BBox = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Metropolitan France with Corsica: the view before the map has loaded or when it cannot. */
export const MAINLAND_FRANCE: BBox = [-5.5, 41.2, 9.8, 51.3];

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

// Four decimals is about 10 m: finer only makes URLs longer and query keys churn.
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Clamps to what the API accepts (a zoomed-out map can report longitudes past ±180) and rounds,
 * so that the same view always gives the same URL and the same cache key.
 */
export function normalizeBbox(b: readonly number[]): BBox | null {
  if (b.length !== 4 || !b.every(Number.isFinite)) return null;
  const [w, s, e, n] = b as unknown as BBox;
  const bbox: BBox = [
    round(clamp(w, -180, 180)),
    round(clamp(s, -90, 90)),
    round(clamp(e, -180, 180)),
    round(clamp(n, -90, 90)),
  ];
  return bbox[0] < bbox[2] && bbox[1] < bbox[3] ? bbox : null;
}

export const bboxToString = (b: BBox) => b.join(',');

export function bboxFromString(text: string): BBox | null {
  const parts = text.split(',');
  if (parts.length !== 4 || parts.some((p) => p.trim() === '')) return null;
  return normalizeBbox(parts.map(Number));
}

export const bboxEqual = (a: BBox, b: BBox) => a.every((x, i) => x === b[i]);

/** The commune's own outline box when known, else a town-sized view around its centre. */
export function communeZone(c: { longitude: number; latitude: number; bbox?: readonly number[] | null }): BBox {
  return (c.bbox && normalizeBbox(c.bbox)) || aroundPoint([c.longitude, c.latitude], 3000);
}

/** A box of `radius` metres around a point: what a person can reach nearby. */
export function aroundPoint([lon, lat]: readonly [number, number], radius = 5000): BBox {
  const dLat = radius / 111_320;
  const dLon = radius / (111_320 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
  return normalizeBbox([lon - dLon, lat - dLat, lon + dLon, lat + dLat]) ?? MAINLAND_FRANCE;
}
