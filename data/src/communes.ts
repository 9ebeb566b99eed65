import { readCsv } from './csv.ts';
import { departementOfInsee, departementOfPostcode } from './departement.ts';
import { distanceMeters } from './geo.ts';
import { communeKey, normalisePostcode } from './normalise.ts';

export interface Commune {
  insee: string;
  nom: string;
  departement: string;
  lat: number | null;
  lon: number | null;
}

export interface CommuneQuery {
  nom?: string | null;
  codeInsee?: string | null;
  codePostal?: string | null;
  commune?: string | null;
  lat?: number | null;
  lon?: number | null;
}

/** When a postcode or a name fits several communes, the point decides, if it is this close to one. */
const NEAREST_MAX_M = 30_000;
/** For a row naming no commune: how far the commune its name names may be, and the nearest centre when it names none. */
const NAMED_AROUND_MAX_M = 15_000;
const AROUND_MAX_M = 1_500;

export class Communes {
  private readonly byInsee = new Map<string, Commune>();
  private readonly byPostcode = new Map<string, Set<string>>();
  private readonly byName = new Map<string, Set<string>>();

  constructor(communeRows: Record<string, string>[], postcodeRows: Record<string, string>[]) {
    for (const r of communeRows) {
      const lat = r.latitude ? Number(r.latitude) : null;
      const lon = r.longitude ? Number(r.longitude) : null;
      const c: Commune = { insee: r.code_insee!, nom: r.nom!, departement: r.departement!, lat, lon };
      this.byInsee.set(c.insee, c);
      this.index(this.byName, communeKey(c.nom), c.insee);
      for (const cp of (r.codes_postaux ?? '').split(' ')) if (cp) this.index(this.byPostcode, cp, c.insee);
    }
    for (const r of postcodeRows) {
      if (!this.byInsee.has(r.code_insee!)) continue;
      this.index(this.byPostcode, r.code_postal!, r.code_insee!);
      this.index(this.byName, communeKey(r.nom_commune!), r.code_insee!);
      this.index(this.byName, communeKey(r.libelle_acheminement!), r.code_insee!);
    }
  }

  static load(): Communes {
    return new Communes(readCsv('sources/communes/communes.csv.gz'), readCsv('sources/communes/codes-postaux.csv.gz'));
  }

  private index(map: Map<string, Set<string>>, key: string, insee: string): void {
    if (!key) return;
    const set = map.get(key);
    if (set) set.add(insee);
    else map.set(key, new Set([insee]));
  }

  get(insee: string): Commune | undefined {
    return this.byInsee.get(insee);
  }

  /**
   * The commune a row is in. Sources disagree with themselves (an INSEE code of a neighbouring
   * commune, a postcode of another département, old codes of merged communes), so the commune
   * name arbitrates: the INSEE code when its name agrees, else the commune of that name among the
   * postcode's communes, in the département, or anywhere near the point; failing a name, the INSEE
   * code, else the postcode's only commune (or the one nearest the point).
   */
  resolve(q: CommuneQuery): Commune | null {
    const cp = normalisePostcode(q.codePostal);
    const name = q.commune ? communeKey(q.commune) : '';
    const coded = q.codeInsee ? this.byInsee.get(q.codeInsee.trim()) : undefined;
    const code = coded && (!cp || departementOfPostcode(cp) === departementOfInsee(coded.insee)) ? coded : null;
    if (code && (!name || this.isNamed(code, name))) return code;
    const cpCandidates = cp ? [...(this.byPostcode.get(cp) ?? [])].map((i) => this.byInsee.get(i)!) : [];
    if (name) {
      const exact = cpCandidates.filter((c) => communeKey(c.nom) === name);
      if (exact.length === 1) return exact[0]!;
      const named = cpCandidates.filter((c) => this.isNamed(c, name));
      if (named.length === 1) return named[0]!;
      if (named.length > 1) return this.nearest(named, q);
      const departement = cp ? departementOfPostcode(cp) : code ? departementOfInsee(code.insee) : null;
      const inDepartement = this.byNameIn(name, q, departement);
      if (inDepartement) return inDepartement;
      // A wrong postcode ("54430 SARRALBE" for 57430): the name anywhere, if the point is there.
      const nearPoint = this.nearest([...(this.byName.get(name) ?? [])].map((i) => this.byInsee.get(i)!), q);
      if (nearPoint) return nearPoint;
    }
    if (code) return code;
    if (cpCandidates.length === 1) return cpCandidates[0]!;
    if (!cp && !name && !q.codeInsee) return this.around(q);
    return this.nearest(cpCandidates, q);
  }

  /**
   * A row that names no commune at all (no INSEE code, postcode or commune name: about 120 places
   * of the LMN data, mostly in Corsica, where communes are wide): the commune its own name names
   * ("Mairie de Bonifacio", "Communauté d'Agglomération de Bastia") among those around its point,
   * else the commune whose centre is very near its point and clearly nearer than any other.
   * Anything less sure leaves it unknown: a wrong commune would send people to the wrong door.
   */
  private around(q: CommuneQuery): Commune | null {
    if (q.lat == null || q.lon == null) return null;
    const lat = q.lat;
    const lon = q.lon;
    const span = NAMED_AROUND_MAX_M / 111_000 / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
    const near = [...this.byInsee.values()]
      .filter((c) => c.lat !== null && c.lon !== null && Math.abs(c.lat - lat) < span && Math.abs(c.lon - lon) < span)
      .map((c) => ({ c, d: distanceMeters(lat, lon, c.lat!, c.lon!) }))
      .filter((x) => x.d < NAMED_AROUND_MAX_M)
      .sort((a, b) => a.d - b.d);
    const words = ` ${communeKey(q.nom ?? '')} `;
    const named = near.find((x) => words.includes(` ${communeKey(x.c.nom)} `));
    if (named) return named.c;
    // The nearest centre, only when no other is almost as near (two villages 1.2 and 1.3 km away: unknown).
    const [first, second] = near;
    return first && first.d < AROUND_MAX_M && (!second || second.d > 1.5 * first.d) ? first.c : null;
  }

  private isNamed(c: Commune, name: string): boolean {
    return communeKey(c.nom) === name || (this.byName.get(name)?.has(c.insee) ?? false);
  }

  /** A commune by name alone (within a département when known): only when the name is unambiguous or the point decides. */
  private byNameIn(name: string, q: CommuneQuery, departement: string | null): Commune | null {
    const candidates = [...(this.byName.get(name) ?? [])]
      .map((i) => this.byInsee.get(i)!)
      .filter((c) => departement === null || departementOfInsee(c.insee) === departement);
    if (candidates.length === 1) return candidates[0]!;
    return this.nearest(candidates, q);
  }

  private nearest(candidates: Commune[], q: CommuneQuery): Commune | null {
    if (q.lat == null || q.lon == null) return null;
    let best: Commune | null = null;
    let bestD = NEAREST_MAX_M;
    for (const c of candidates) {
      if (c.lat == null || c.lon == null) continue;
      const d = distanceMeters(q.lat, q.lon, c.lat, c.lon);
      if (d < bestD) {
        best = c;
        bestD = d;
      }
    }
    return best;
  }
}
