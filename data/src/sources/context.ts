import type { Communes } from '../communes.ts';
import { departementOfPostcode } from '../departement.ts';
import type { Row } from '../csv.ts';
import { locate, type Located } from '../locate.ts';
import { cleanText } from '../normalise.ts';
import { countRead, type SourcePlace, type SourceResult } from '../source-place.ts';
import type { SourceDef, Vocabulary } from '../vocabulary.ts';

export interface ImportContext {
  vocab: Vocabulary;
  communes: Communes;
}

export function sourceDef(ctx: ImportContext, id: string): SourceDef {
  const def = ctx.vocab.sources.get(id);
  if (!def) throw new Error(`Source absente de mappings/sources.csv : ${id}`);
  return def;
}

type Identity = Pick<SourcePlace, 'ref' | 'lieuId' | 'nom'>;
type Optional = Partial<Omit<SourcePlace, 'source' | 'rang' | 'lat' | 'lon' | 'precision' | 'coordNote'>>;

/** A SourcePlace with the position from locate() and the commune it resolved; fields not given are null or empty. */
export function makePlace(
  def: SourceDef,
  located: Extract<Located, { ok: true }>,
  identity: Identity,
  fields: Optional,
): SourcePlace {
  const commune = located.commune;
  return {
    source: def.id,
    rang: def.rang,
    distinctRows: false,
    complementAdresse: null,
    codePostal: null,
    commune: commune?.nom ?? null,
    codeInsee: commune?.insee ?? null,
    telephone: null,
    courriel: null,
    emailsDropped: 0,
    siteWeb: null,
    horairesTexte: null,
    horairesOsm: null,
    services: [],
    types: [],
    fallbackType: null,
    labels: [],
    dateMaj: def.date,
    sameAs: null,
    duplicateHint: null,
    ...identity,
    ...fields,
    ...currentName(cleanText(identity.nom) ?? identity.ref, fields.details ?? {}),
    adresse: cleanAddress(fields.adresse ?? null),
    departement: commune?.departement ?? departementOfPostcode(fields.codePostal ?? null),
    lat: located.lat,
    lon: located.lon,
    precision: located.precision,
    coordNote: located.note,
  };
}

/** Networks renamed since the sources were written: the name people will see on the door now. */
const RENAMED: { old: RegExp; now: string }[] = [
  // Pôle emploi became France Travail on 1 January 2024 (loi pour le plein emploi, 18 December 2023).
  { old: /\bp[ôo]le[\s-]+emploi\b/gi, now: 'France Travail' },
];

/** The current name, the old one kept in details.ancien_nom: people still search for "Pôle emploi". */
function currentName(nom: string, details: Record<string, unknown>): { nom: string; details: Record<string, unknown> } {
  let now = nom;
  for (const r of RENAMED) now = now.replace(r.old, (found) => (found === found.toUpperCase() ? r.now.toUpperCase() : r.now));
  return now === nom ? { nom, details } : { nom: now, details: { ...details, ancien_nom: nom } };
}

/** Sources put stray punctuation before a street ("- Le Bourg", ". . MAIRIE"), or only that ("- -"). */
export function cleanAddress(value: string | null): string | null {
  const text = value?.replace(/^[\s\-–—,;.]+/, '') ?? '';
  return /[\p{L}\p{N}]/u.test(text) ? text : null;
}

type Kept = Extract<Located, { ok: true }>;

/**
 * The extracts shaped by ../shared/data (France Travail, annuaire, PIMMS) share their columns
 * (id, name, latitude, longitude, insee_code, postcode, commune): each row is counted, rejected
 * with a reason or located from those columns, then turned into a place by `toPlace`.
 */
export function networkPlaces(
  rows: Row[],
  ctx: ImportContext,
  source: { id: string; precision: 'adresse' | 'commune'; rejectReason: (r: Row) => string | null },
  toPlace: (r: Row, def: SourceDef, located: Kept) => SourcePlace,
): SourceResult {
  const def = sourceDef(ctx, source.id);
  const result: SourceResult = { read: new Map(), places: [], rejects: [] };
  for (const r of rows) {
    const ref = r.id!;
    countRead(result.read, def.id);
    const rejected = source.rejectReason(r);
    if (rejected !== null) {
      result.rejects.push({ source: def.id, ref, reason: rejected });
      continue;
    }
    const located = locate(ctx.communes, {
      lat: r.latitude,
      lon: r.longitude,
      codeInsee: r.insee_code,
      codePostal: r.postcode,
      commune: r.commune,
      precision: source.precision,
      territoire: def.territoire,
    });
    if (!located.ok) {
      result.rejects.push({ source: def.id, ref, reason: located.reason });
      continue;
    }
    result.places.push(toPlace(r, def, located));
  }
  return result;
}

/** Keeps only the keys of `details` that hold something. */
export function compactDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}
