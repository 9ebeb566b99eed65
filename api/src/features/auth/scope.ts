import type { Account } from './accounts.queries.ts';

/**
 * Which places a coordinator may change. Both lists given: the place must match both ("the
 * France Services of Seine-Saint-Denis"); one list given: that list decides. An administrator
 * may change every place; a coordinator with neither list, none.
 */
export function inScope(account: Account, place: { departement: string | null; types: string[] }): boolean {
  if (account.role === 'administrateur') return true;
  const { territoires, reseaux } = account;
  const inTerritory = place.departement !== null && territoires.includes(place.departement);
  const inNetwork = place.types.some((t) => reseaux.includes(t));
  if (territoires.length > 0 && reseaux.length > 0) return inTerritory && inNetwork;
  if (territoires.length > 0) return inTerritory;
  if (reseaux.length > 0) return inNetwork;
  return false;
}

/** The same rule as an SQL condition on `lieux` (alias `l`), with its parameters. */
export function scopeSql(account: Account): { where: string; params: string[] } {
  if (account.role === 'administrateur') return { where: '1', params: [] };
  const { territoires, reseaux } = account;
  const marks = (list: string[]) => list.map(() => '?').join(', ');
  const territory = `l.departement IN (${marks(territoires)})`;
  const network = `EXISTS (SELECT 1 FROM json_each(l.types) WHERE value IN (${marks(reseaux)}))`;
  if (territoires.length > 0 && reseaux.length > 0) return { where: `(${territory} AND ${network})`, params: [...territoires, ...reseaux] };
  if (territoires.length > 0) return { where: territory, params: territoires };
  if (reseaux.length > 0) return { where: network, params: reseaux };
  return { where: '0', params: [] };
}
