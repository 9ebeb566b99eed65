import { EARTH_RADIUS_M } from '@reperes/data/geo.ts';
import type { Bbox, Point } from '../../contract/params.ts';

const RAD = Math.PI / 180;

/**
 * Boxes that together hold every point within `metres` of `centre` along the great circle: the
 * bounding box of that spherical cap, a little wider so that rounding cannot leave a point out.
 * Two boxes when the cap crosses the ±180° meridian; the whole world once it reaches a pole.
 */
export function boxesAround(centre: Point, metres: number): Bbox[] {
  const radius = (metres / EARTH_RADIUS_M) * 1.001;
  const minLat = centre.lat - radius / RAD;
  const maxLat = centre.lat + radius / RAD;
  if (minLat <= -90 || maxLat >= 90) return [{ minLon: -180, minLat: Math.max(minLat, -90), maxLon: 180, maxLat: Math.min(maxLat, 90) }];
  // Away from the poles the cap's widest point is off its centre's parallel, hence not simply radius / cos(lat).
  const halfWidth = Math.asin(Math.min(1, Math.sin(radius) / Math.cos(centre.lat * RAD))) / RAD;
  const minLon = centre.lon - halfWidth;
  const maxLon = centre.lon + halfWidth;
  if (minLon < -180) return [{ minLon: minLon + 360, minLat, maxLon: 180, maxLat }, { minLon: -180, minLat, maxLon, maxLat }];
  if (maxLon > 180) return [{ minLon, minLat, maxLon: 180, maxLat }, { minLon: -180, minLat, maxLon: maxLon - 360, maxLat }];
  return [{ minLon, minLat, maxLon, maxLat }];
}
