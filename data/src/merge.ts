import { distanceMeters, Grid } from './geo.ts';
import { analyseName, compareNames, shareKind, type NameAnalysis, type NameMatch, type NameRule } from './names.ts';
import { addressKey, houseNumbers } from './normalise.ts';
import type { Reject, SourcePlace } from './source-place.ts';

interface Member {
  place: SourcePlace;
  name: NameAnalysis;
  address: string | null;
  numbers: Set<string>;
  cluster: Cluster;
}

interface Cluster {
  members: Member[];
  joinedInto: Cluster | null;
}

// Furthest two building points may be for each strength of name match. Two rows of one building
// often differ by a few dozen metres (geocoders, entrances); beyond ~200 m it is another building.
const MAX_DISTANCE_M: Record<NameMatch, number> = { same: 200, subset: 150, generic: 150, kind: 50 };
// Same street address: the points may differ more (one source geocoded to the street, the other to
// the door, or to the wrong end of a long avenue), and more still when the names are the same.
const SAME_ADDRESS_MAX_M = 1000;
const SAME_ADDRESS_SAME_NAME_MAX_M = 5000;
// Names that only say the kind of place ("Maison France Services", "Médiathèque") cannot tell two
// buildings apart; different house numbers can, unless the points are this close.
const SAME_SPOT_M = 30;
const STRENGTH: Record<NameMatch, number> = { same: 4, subset: 3, generic: 2, kind: 1 };

export interface MergeResult {
  clusters: SourcePlace[][];
  rejects: Reject[];
}

export const REJECT_SAME_AS_MISSING = 'le lieu auquel la ligne se rattache a été rejeté';

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const current = (cluster: Cluster): Cluster => {
  let c = cluster;
  while (c.joinedInto) c = c.joinedInto;
  return c;
};

/**
 * Groups the rows that describe the same place. Conservative on purpose: a wrong merge hides a
 * place, a missed one only shows it twice. Two rows merge when their names match (see names.ts)
 * and they are close enough for that strength of match, or share a street address; names that
 * only say the kind of place also need compatible house numbers. When one row only knows its
 * commune, both must be in the same commune, the names must be the same or of the same kind and
 * say more than the kind, and the match must be the only one in the commune. The row's name must
 * fit every name already in the place, so that one neighbour cannot chain two different places.
 * Rows of a registry (France Services, libraries…) never merge with each other: a registry lists
 * each structure once. Rows that say which row they describe (PIMMS) join it.
 */
export function mergePlaces(places: SourcePlace[], rules: NameRule[]): MergeResult {
  const grid = new Grid<Member>();
  const byAddress = new Map<string, Member[]>();
  const communeOnlyByInsee = new Map<string, Member[]>();
  const byInsee = new Map<string, Member[]>();
  const clusters: Cluster[] = [];
  // Places a row also matched but did not join: a later row may have taken another place first.
  const alsoMatched: [Member, Cluster][] = [];

  const conflicts = (cluster: Cluster, p: SourcePlace) =>
    cluster.members.some((m) => m.place.source === p.source && (p.distinctRows || m.place.distinctRows));
  const canJoin = (target: Cluster, incoming: Member[]) =>
    incoming.every((x) => !conflicts(target, x.place) && target.members.every((y) => compareNames(x.name, y.name) !== null));

  function matchingClusters(m: Member): Cluster[] {
    const p = m.place;
    const candidates = new Set<Member>();
    if (p.precision === 'adresse') {
      for (const o of grid.near(p.lat, p.lon)) candidates.add(o);
      if (p.codeInsee) for (const o of communeOnlyByInsee.get(p.codeInsee) ?? []) candidates.add(o);
    } else if (p.codeInsee) {
      for (const o of byInsee.get(p.codeInsee) ?? []) candidates.add(o);
    }
    if (m.address) for (const o of byAddress.get(m.address) ?? []) candidates.add(o);

    const scores = new Map<Cluster, { strength: number; distance: number; communeLevel: boolean }>();
    const joinable = new Map<Cluster, boolean>();
    for (const o of candidates) {
      const cluster = o.cluster;
      let ok = joinable.get(cluster);
      if (ok === undefined) joinable.set(cluster, (ok = canJoin(cluster, [m])));
      if (!ok) continue;
      const match = compareNames(m.name, o.name);
      if (!match) continue;
      const distance = distanceMeters(p.lat, p.lon, o.place.lat, o.place.lon);
      const sameAddress =
        m.address !== null &&
        m.address === o.address &&
        distance <= (match === 'same' ? SAME_ADDRESS_SAME_NAME_MAX_M : SAME_ADDRESS_MAX_M);
      const communeLevel = !sameAddress && (p.precision === 'commune' || o.place.precision === 'commune');
      if (!sameAddress && !communeLevel) {
        if (distance > MAX_DISTANCE_M[match]) continue;
        const weak = match === 'generic' || match === 'kind';
        const otherNumber = m.numbers.size > 0 && o.numbers.size > 0 && ![...m.numbers].some((n) => o.numbers.has(n));
        if (weak && otherNumber && distance > SAME_SPOT_M) continue;
      }
      if (communeLevel) {
        if (!p.codeInsee || p.codeInsee !== o.place.codeInsee) continue;
        if (match !== 'same' && !(match !== 'kind' && shareKind(m.name, o.name))) continue;
      }
      const strength = STRENGTH[match] + (sameAddress ? 10 : 0);
      const previous = scores.get(cluster);
      if (!previous || strength > previous.strength || (strength === previous.strength && distance < previous.distance)) {
        scores.set(cluster, { strength, distance, communeLevel });
      }
    }
    const ranked = [...scores].sort(([, a], [, b]) => b.strength - a.strength || a.distance - b.distance);
    const best = ranked[0];
    // A commune centre says nothing about which of two same-named places it is.
    if (best?.[1].communeLevel && ranked.some(([c, s], i) => i > 0 && s.strength === best[1].strength && c !== best[0])) return [];
    return ranked.map(([c]) => c);
  }

  const ordered = places
    .map((place, index) => ({ place, index }))
    .filter(({ place }) => place.sameAs === null)
    .sort((a, b) => a.place.rang - b.place.rang || a.index - b.index);
  for (const { place } of ordered) {
    const member: Member = {
      place,
      name: analyseName(place.nom, place.commune, place.types, rules),
      address: addressKey(place.adresse, place.codePostal),
      numbers: houseNumbers(place.adresse),
      cluster: null as unknown as Cluster,
    };
    const [best, ...others] = matchingClusters(member);
    const cluster = best ?? { members: [], joinedInto: null };
    if (!best) clusters.push(cluster);
    for (const other of others) alsoMatched.push([member, other]);
    member.cluster = cluster;
    cluster.members.push(member);
    if (place.precision === 'adresse') grid.add(place.lat, place.lon, member);
    else if (place.codeInsee) push(communeOnlyByInsee, place.codeInsee, member);
    if (place.codeInsee) push(byInsee, place.codeInsee, member);
    if (member.address) push(byAddress, member.address, member);
  }

  // Taken one by one, rows can split a place: a row that matched two places joined the best one
  // only. The two are joined now if every name of each fits every name of the other.
  for (const [member, other] of alsoMatched) {
    const a = current(member.cluster);
    const b = current(other);
    if (a === b || !canJoin(a, b.members)) continue;
    for (const x of b.members) {
      x.cluster = a;
      a.members.push(x);
    }
    b.members = [];
    b.joinedInto = a;
  }
  const kept = clusters.filter((c) => c.joinedInto === null);

  const byLieuId = new Map<string, Cluster>();
  for (const c of kept) for (const m of c.members) byLieuId.set(m.place.lieuId, c);
  const rejects: Reject[] = [];
  for (const place of places) {
    if (place.sameAs === null) continue;
    const cluster = byLieuId.get(place.sameAs);
    if (!cluster) {
      rejects.push({ source: place.source, ref: place.ref, reason: REJECT_SAME_AS_MISSING });
      continue;
    }
    cluster.members.push({ place, name: analyseName('', null, [], []), address: null, numbers: new Set(), cluster });
  }
  return { clusters: kept.map((c) => c.members.map((m) => m.place)), rejects };
}
