import { departementOfPostcode, type Communes } from '../communes.ts';
import type { Located } from '../locate.ts';
import { cleanText } from '../normalise.ts';
import type { SourcePlace } from '../source-place.ts';
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
    adresse: null,
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
    details: {},
    dateMaj: def.date,
    sameAs: null,
    duplicateHint: null,
    ...identity,
    ...fields,
    departement: commune?.departement ?? departementOfPostcode(fields.codePostal ?? null),
    lat: located.lat,
    lon: located.lon,
    precision: located.precision,
    coordNote: located.note,
    nom: cleanText(identity.nom) ?? identity.ref,
  };
}

/** Keeps only the keys of `details` that hold something. */
export function compactDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}
