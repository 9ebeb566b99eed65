import KDBush from 'kdbush';
import type { Bbox, Point } from '../../contract/params.ts';
import type { Db } from '../../db/client.ts';
import { openOnSaturday, ouvertureAt, statutAt, warmUp } from '../horaires/opening.ts';
import { type Territory, territoryOf } from '../horaires/timezones.ts';
import type { FilterMasks, Label } from '../services/vocabulary.ts';
import { distanceMeters } from '@reperes/data/geo.ts';
import { boxesAround } from './distance.ts';
import { foldWords } from '@reperes/data/normalise.ts';
import { searchWords } from './search-text.ts';
import { WordPrefixIndex } from './word-prefix-index.ts';

/**
 * The list, the map and the counts are answered from memory: SQLite stays the source of truth,
 * and this index is rebuilt from it whenever an import changes the data. Reading even a slim row
 * back from SQLite costs 1–2 µs a place (a B-tree lookup each), which alone made a town query
 * several times slower than a bare route; a KD-tree range over 31k points costs a few microseconds.
 *
 * A coordinator's edit must not rebuild it all (0.5–1 s with the event loop blocked): the KD-tree
 * is static, so an edited place is retired from it and its new state appended to a small overlay
 * scanned linearly, until the overlay is full and the next change asks for a rebuild.
 *
 * Two searches have no box to narrow them: a name typed in the search box, and "around me". The
 * first reads the tree's places holding the rarest searched word from a word-prefix index built
 * with the tree; the second reads the tree in growing circles around the point. Both answer
 * exactly as a scan of every place would.
 */
// A renamed network's old name ("Pôle emploi", kept in details by the import) is searched too.
const COLUMNS = `id, nom, latitude, longitude, precision, code_postal, commune, types, services, services_mask, types_mask,
  departement, horaires_osm, labels, json_extract(details, '$.ancien_nom') AS ancien_nom`;
const LOAD_SQL = `SELECT ${COLUMNS} FROM lieux WHERE archived_at IS NULL ORDER BY num`;
const ONE_SQL = `SELECT ${COLUMNS} FROM lieux WHERE id = ? AND archived_at IS NULL`;

/** Room for edited places beside the KD-tree: a linear scan of this many costs a few microseconds. */
const OVERLAY_CAPACITY = 2048;

/**
 * Below this many candidates, a name search in a box reads them from the word index whatever the
 * box: as cheap as a scan of the smallest box.
 */
const FEW_CANDIDATES = 2048;

/**
 * The first circle read around a point, a town's worth; each next one doubles its radius, so it
 * holds four times the area and costs about as much as all the smaller ones together.
 */
const FIRST_RADIUS_M = 2000;

/**
 * A place known only by its commune sits at the commune's centre, which may be kilometres from its
 * door: it ranks as if this much farther, so that it never comes before a place with a real address
 * less than 2 km away (5,258 places, 17 %, are known so).
 */
export const APPROXIMATE_PENALTY_M = 2000;
const METRES_PER_DEGREE = 111_320;

export type IndexedRow = {
  id: string; nom: string; latitude: number; longitude: number; precision: string;
  code_postal: string | null; commune: string | null; types: string; services: string;
  services_mask: number; types_mask: number; departement: string | null; horaires_osm: string | null; labels: string;
  ancien_nom?: string | null;
};

export type SearchOptions = {
  /** Sort by great-circle distance from this point, and give each item its `distance_m`. */
  near?: Point;
  /** Words the name (or commune) must contain, as word prefixes, accents and case aside. */
  q?: string;
  /** Keep only places open now, or open at some time on the coming Saturday, in their time zone. */
  ouvert?: 'maintenant' | 'samedi';
  now?: Date;
};

export const WORLD: Bbox = { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 };

const coversWorld = (b: Bbox) => b.minLon <= -180 && b.minLat <= -90 && b.maxLon >= 180 && b.maxLat >= 90;

const TWO_32 = 2 ** 32;

/** Masks may use up to 62 bits; JavaScript bit operators work on 32, so each mask is split in two words. */
type Words = { lo: number; hi: number };
const words = (mask: number): Words => ({ lo: mask % TWO_32 >>> 0, hi: Math.floor(mask / TWO_32) >>> 0 });
const any = (lo: number, hi: number, filter: Words) => ((lo & filter.lo) | (hi & filter.hi)) !== 0;

export type Cluster = { latitude: number; longitude: number; count: number; id?: string; nom?: string };
export type Combo = { servicesMask: number; typesMask: number; labelsMask: number; n: number };

/** One 32-bit word of label bits a place: a single `&` per place keeps the filter as cheap as the others. */
function labelMask(json: string, bits: Map<string, number>): number {
  let mask = 0;
  for (const label of JSON.parse(json) as unknown[]) {
    const bit = typeof label === 'string' ? bits.get(label) : undefined;
    if (bit !== undefined) mask |= 1 << bit;
  }
  return mask >>> 0;
}

export class PlaceIndex {
  private readonly kd: KDBush;
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly sLo: Uint32Array;
  private readonly sHi: Uint32Array;
  private readonly tLo: Uint32Array;
  private readonly tHi: Uint32Array;
  private readonly lab: Uint32Array;
  private readonly ids: string[];
  private readonly names: string[];
  /** Each place's list item, serialised once: responses join these strings. */
  private readonly items: string[];
  private readonly hours: (string | null)[];
  private readonly territories: Territory[];
  /** Folded words of the name and commune, each preceded by a space, for word-prefix search. */
  private readonly searchable: string[];
  /** The tree's places by the words of `searchable`; the overlay is not in it. */
  private readonly wordIndex: WordPrefixIndex;
  /** Positions retired by an edit: the KD-tree still returns them, the filters skip them. */
  private readonly retired: Uint8Array;
  /** 1 where the place is known only by its commune (precision `commune`). */
  private readonly approximate: Uint8Array;
  /** Where each live place is, to retire it when it changes. */
  private readonly positionOf = new Map<string, number>();
  private readonly labelBits: Map<string, number>;
  /** Positions from here on are the overlay: places changed since the tree was built. */
  private readonly treeSize: number;
  private used = 0;
  private live = 0;
  private warming: Promise<void> | undefined;

  constructor(rows: IndexedRow[], labels: Label[]) {
    this.labelBits = new Map(labels.map((l) => [l.label, l.bit]));
    const capacity = rows.length + OVERLAY_CAPACITY;
    this.treeSize = rows.length;
    this.kd = new KDBush(Math.max(rows.length, 1));
    this.lon = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.sLo = new Uint32Array(capacity);
    this.sHi = new Uint32Array(capacity);
    this.tLo = new Uint32Array(capacity);
    this.tHi = new Uint32Array(capacity);
    this.lab = new Uint32Array(capacity);
    this.retired = new Uint8Array(capacity);
    this.approximate = new Uint8Array(capacity);
    this.ids = [];
    this.names = [];
    this.items = [];
    this.hours = [];
    this.territories = [];
    this.searchable = [];
    for (const r of rows) {
      this.kd.add(r.longitude, r.latitude);
      this.append(r);
    }
    if (rows.length === 0) this.kd.add(0, 0);
    this.kd.finish();
    this.wordIndex = new WordPrefixIndex(this.searchable, this.treeSize);
  }

  static load(db: Db, labels: Label[]): PlaceIndex {
    return new PlaceIndex(db.prepare(LOAD_SQL).all() as IndexedRow[], labels);
  }

  /** Reads one place's indexed columns as they are now in SQLite (undefined once archived). */
  static rowReader(db: Db): (id: string) => IndexedRow | undefined {
    const stmt = db.prepare(ONE_SQL);
    return (id) => stmt.get(id) as IndexedRow | undefined;
  }

  /** How many places are live. */
  get size(): number {
    return this.live;
  }

  private append(r: IndexedRow) {
    const i = this.used;
    this.used += 1;
    this.live += 1;
    this.positionOf.set(r.id, i);
    this.hours[i] = r.horaires_osm;
    this.territories[i] = territoryOf(r.departement, r.latitude, r.longitude);
    this.searchable[i] = ` ${foldWords(`${r.nom} ${r.commune ?? ''} ${r.ancien_nom ?? ''}`)}`;
    this.lon[i] = r.longitude;
    this.lat[i] = r.latitude;
    const s = words(r.services_mask);
    const t = words(r.types_mask);
    this.sLo[i] = s.lo;
    this.sHi[i] = s.hi;
    this.tLo[i] = t.lo;
    this.tHi[i] = t.hi;
    this.lab[i] = labelMask(r.labels, this.labelBits);
    this.approximate[i] = r.precision === 'commune' ? 1 : 0;
    this.ids[i] = r.id;
    this.names[i] = r.nom;
    this.items[i] = JSON.stringify({
      id: r.id, nom: r.nom, latitude: r.latitude, longitude: r.longitude, precision: r.precision,
      code_postal: r.code_postal, commune: r.commune, types: JSON.parse(r.types), services: JSON.parse(r.services),
    });
  }

  /**
   * Puts a place's new state in place of the old one (`undefined`: it is archived or gone).
   * Returns false when the overlay is full: the caller then rebuilds the index from SQLite.
   */
  replace(id: string, row: IndexedRow | undefined): boolean {
    if (row && this.used === this.lon.length) return false;
    const old = this.positionOf.get(id);
    if (old !== undefined) {
      this.retired[old] = 1;
      this.positionOf.delete(id);
      this.live -= 1;
    }
    if (row) this.append(row);
    return true;
  }

  /** Positions of the places in the box that pass the filter. */
  private matching(bbox: Bbox, masks: FilterMasks): number[] {
    if (this.live === 0) return [];
    // An empty tree holds one dummy point at (0, 0), which must not be read as position 0.
    const inBox = this.treeSize > 0 ? this.kd.range(bbox.minLon, bbox.minLat, bbox.maxLon, bbox.maxLat) : [];
    for (let i = this.treeSize; i < this.used; i++) if (this.inside(i, bbox)) inBox.push(i);
    return inBox.filter(this.passing(masks));
  }

  private inside(i: number, bbox: Bbox): boolean {
    const lon = this.lon[i]!;
    const lat = this.lat[i]!;
    return lon >= bbox.minLon && lon <= bbox.maxLon && lat >= bbox.minLat && lat <= bbox.maxLat;
  }

  /** Whether the place at a position is live and passes the filter (0 on an axis: no constraint). */
  private passing(masks: FilterMasks): (i: number) => boolean {
    const num = words(masks.numerique);
    const dem = words(masks.demarches);
    const typ = words(masks.types);
    return (i) =>
      this.retired[i] === 0 &&
      (masks.numerique === 0 || any(this.sLo[i]!, this.sHi[i]!, num)) &&
      (masks.demarches === 0 || any(this.sLo[i]!, this.sHi[i]!, dem)) &&
      (masks.types === 0 || any(this.tLo[i]!, this.tHi[i]!, typ)) &&
      (masks.labels === 0 || (this.lab[i]! & masks.labels) !== 0);
  }

  /** How many places pass the filter in all the world (the schema keeps every place inside it), without listing them. */
  private countMatching(masks: FilterMasks): number {
    if (masks.numerique === 0 && masks.demarches === 0 && masks.types === 0 && masks.labels === 0) return this.live;
    const passes = this.passing(masks);
    let n = 0;
    for (let i = 0; i < this.used; i++) if (passes(i)) n += 1;
    return n;
  }

  /**
   * One page of the places in view, nearest to the centre first (longitudes shrunk by
   * cos(latitude) so that the order follows ground distance) or nearest to `near`, as a JSON
   * array text. Each item says whether the place is open at `now`. With `ouvert`, places whose
   * hours are unknown are left out and counted in `sansHoraires`.
   */
  search(bbox: Bbox, masks: FilterMasks, limit: number, offset: number, options: SearchOptions = {}) {
    const now = options.now ?? new Date();
    const near = options.near;
    const rank = near ? this.rankFrom(near) : this.rankInBox(bbox);
    const metresFromNear = near ? this.metresFrom(near) : null;
    let nearest: number[];
    let total: number;
    let sansHoraires: number | undefined;
    // "Open" needs every match's hours for its counts anyway: it gains nothing from the circles.
    if (near && options.q === undefined && !options.ouvert && coversWorld(bbox)) {
      total = this.countMatching(masks);
      nearest = this.nearestAround(near, masks, offset + limit, total);
    } else {
      let found = options.q === undefined ? this.matching(bbox, masks) : this.named(bbox, masks, options.q);
      if (options.ouvert) ({ open: found, unknown: sansHoraires } = this.opened(found, options.ouvert, now));
      total = found.length;
      nearest = nearestFirst(found, rank, offset + limit);
    }
    const items = nearest.slice(offset).map((i) => {
      const ouverture = JSON.stringify(ouvertureAt(this.hours[i]!, this.territories[i]!, now));
      const metres = metresFromNear ? `,"distance_m":${Math.round(metresFromNear(i))}` : '';
      return `${this.items[i]!.slice(0, -1)},"ouverture":${ouverture}${metres}}`;
    });
    return { total, itemsJson: `[${items.join(',')}]`, sansHoraires };
  }

  private metresFrom(point: Point): (i: number) => number {
    return (i) => distanceMeters(point.lat, point.lon, this.lat[i]!, this.lon[i]!);
  }

  /** The order of "nearest first": metres from the point, a place known only by its commune set farther. */
  private rankFrom(point: Point): (i: number) => number {
    const metres = this.metresFrom(point);
    return (i) => metres(i) + this.approximate[i]! * APPROXIMATE_PENALTY_M;
  }

  /**
   * The same order from the box's centre, in metres on a flat map (longitudes shrunk by
   * cos(latitude)): within a town's box that is the ground distance to a few metres.
   */
  private rankInBox(bbox: Bbox): (i: number) => number {
    const cx = (bbox.minLon + bbox.maxLon) / 2;
    const cy = (bbox.minLat + bbox.maxLat) / 2;
    const k = Math.cos((cy * Math.PI) / 180);
    return (i) =>
      Math.hypot((this.lon[i]! - cx) * k, this.lat[i]! - cy) * METRES_PER_DEGREE + this.approximate[i]! * APPROXIMATE_PENALTY_M;
  }

  /**
   * The `count` matches nearest to `centre`, exactly as `nearestFirst` over all of them would
   * give, read from growing circles around it: once a circle holds `count` matches and the
   * farthest of them is within its radius, no place outside can be nearer (nor tie with it).
   */
  private nearestAround(centre: Point, masks: FilterMasks, count: number, total: number): number[] {
    // The rank is never less than the distance: a place outside a circle ranks beyond its radius.
    const rank = this.rankFrom(centre);
    for (let metres = FIRST_RADIUS_M; ; metres *= 2) {
      const boxes = boxesAround(centre, metres);
      const found = boxes.flatMap((box) => this.matching(box, masks));
      const nearest = nearestFirst(found, rank, count);
      const farthest = nearest[count - 1];
      if (found.length === total || coversWorld(boxes[0]!) || (farthest !== undefined && rank(farthest) <= metres)) {
        return nearest;
      }
    }
  }

  /**
   * Positions in the box that pass the filter and whose name or commune has every searched word
   * as a word prefix ("st" also reads "saint"). The word index only narrows the tree's places to
   * those holding the rarest word; these and the overlay are then checked against every word as
   * text, so the index changes what a search costs, never what it finds.
   */
  private named(bbox: Bbox, masks: FilterMasks, q: string): number[] {
    const alternatives = searchWords(q).map((w) => w.alternatives);
    if (alternatives.length === 0) return [];
    const needles = alternatives.map((words) => words.map((w) => ` ${w}`));
    const hasWords = (i: number) => needles.every((n) => n.some((needle) => this.searchable[i]!.includes(needle)));
    const pairs = alternatives.map((words) => this.wordIndex.pairs(words));
    const rarest = pairs.indexOf(Math.min(...pairs));
    // A word held by more places than the box holds is cheaper checked on the box's places.
    if (pairs[rarest]! > this.scanCost(bbox)) return this.matching(bbox, masks).filter(hasWords);
    const passes = this.passing(masks);
    const wanted = (i: number) => this.inside(i, bbox) && passes(i) && hasWords(i);
    const found = this.wordIndex.withPrefix(alternatives[rarest]!).filter(wanted);
    for (let i = this.treeSize; i < this.used; i++) if (wanted(i)) found.push(i);
    return found;
  }

  /**
   * What scanning the box costs, in places: all of them for the world. A smaller box's count is
   * unknown without reading the tree, so there the index is used only while its candidates are
   * few enough to be cheap whatever the box.
   */
  private scanCost(bbox: Bbox): number {
    return coversWorld(bbox) ? this.used : FEW_CANDIDATES;
  }

  private opened(positions: number[], ouvert: 'maintenant' | 'samedi', now: Date) {
    const open: number[] = [];
    let unknown = 0;
    for (const i of positions) {
      const state =
        ouvert === 'maintenant'
          ? { ouvert: true, ferme: false, inconnu: null }[statutAt(this.hours[i]!, this.territories[i]!, now)]
          : openOnSaturday(this.hours[i]!, this.territories[i]!, now);
      if (state === null) unknown += 1;
      else if (state) open.push(i);
    }
    return { open, unknown };
  }

  /**
   * Starts parsing every distinct opening-hours value in the background (seconds of work in
   * all), once per index: the first "open now" search then finds them ready.
   */
  warmHours(): Promise<void> {
    if (!this.warming) {
      const distinct = new Map<string, [string, Territory]>();
      this.hours.forEach((value, i) => {
        const t = this.territories[i]!;
        if (value) distinct.set(`${t.fuseau}|${t.state ?? ''}|${value}`, [value, t]);
      });
      this.warming = warmUp(distinct.values());
    }
    return this.warming;
  }

  /** Places grouped on a grid of `cell` degrees; a group of one keeps its id and name. */
  clusters(bbox: Bbox, masks: FilterMasks, cell: number): Cluster[] {
    const groups = new Map<string, { n: number; lat: number; lon: number; first: number }>();
    for (const i of this.matching(bbox, masks)) {
      const key = `${Math.floor(this.lon[i]! / cell)}:${Math.floor(this.lat[i]! / cell)}`;
      const g = groups.get(key);
      if (g) {
        g.n += 1;
        g.lat += this.lat[i]!;
        g.lon += this.lon[i]!;
      } else groups.set(key, { n: 1, lat: this.lat[i]!, lon: this.lon[i]!, first: i });
    }
    return [...groups.values()].map((g) => {
      const point = { latitude: round(g.lat / g.n), longitude: round(g.lon / g.n), count: g.n };
      return g.n === 1 ? { ...point, id: this.ids[g.first]!, nom: this.names[g.first]! } : point;
    });
  }

  /** Distinct (services, types, labels) mask combinations in the box, with how many places have each. */
  facets(bbox: Bbox): Combo[] {
    const combos = new Map<string, Combo>();
    for (const i of this.matching(bbox, { numerique: 0, demarches: 0, types: 0, labels: 0 })) {
      const key = `${this.sLo[i]},${this.sHi[i]},${this.tLo[i]},${this.tHi[i]},${this.lab[i]}`;
      const c = combos.get(key);
      if (c) c.n += 1;
      else {
        combos.set(key, {
          servicesMask: this.sHi[i]! * TWO_32 + this.sLo[i]!, typesMask: this.tHi[i]! * TWO_32 + this.tLo[i]!,
          labelsMask: this.lab[i]!, n: 1,
        });
      }
    }
    return [...combos.values()];
  }
}

// Six decimals is about 10 cm: more only makes the payload heavier.
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The `count` smallest by distance, in order. A full sort of all of France for a page of 50
 * would cost ~10 ms; when few are needed, a bounded insertion keeps it to one pass.
 */
export function nearestFirst(positions: number[], distance: (i: number) => number, count: number): number[] {
  if (count >= positions.length / 4) {
    const d = new Map(positions.map((i) => [i, distance(i)]));
    return positions.sort((a, b) => d.get(a)! - d.get(b)! || a - b).slice(0, count);
  }
  const best: { i: number; d: number }[] = [];
  for (const i of positions) {
    const d = distance(i);
    if (best.length === count && (d > best[count - 1]!.d || (d === best[count - 1]!.d && i > best[count - 1]!.i))) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]!.d > d || (best[at - 1]!.d === d && best[at - 1]!.i > i))) at--;
    best.splice(at, 0, { i, d });
    if (best.length > count) best.pop();
  }
  return best.map((b) => b.i);
}
