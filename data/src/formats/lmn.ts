import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../csv.ts';
import { mapServices } from '../lmn-services.ts';
import { typesFromName } from '../names.ts';
import { cleanText, foldWords } from '../normalise.ts';
import type { SourcePlace } from '../source-place.ts';
import { compactDetails, makePlace, type ImportContext } from '../sources/context.ts';
import { LMN_FALLBACK_TYPE, lmnLieuId, lmnRowFields, locateLmnRow } from '../sources/mediation-numerique.ts';
import type { SourceDef } from '../vocabulary.ts';
import { toInternational } from './phone.ts';
import { compileTableSchema, type TableSchema } from './table-schema.ts';
import { fullDate, type ExportPlace } from './export-place.ts';

/** The national schema file, copied from the official repository (see data/schemas/README.md). */
export const LMN_SCHEMA: TableSchema = JSON.parse(
  readFileSync(join(dataDir, 'schemas', 'schema-lieux-mediation-numerique-v1.0.2.json'), 'utf8'),
);
export const lmnSchema = compileTableSchema(LMN_SCHEMA);

/** v1 lists are separated by "|"; v0 files used ";" and the older 15 service labels. */
export type LmnVersion = 'v1' | 'v0';

// Columns that exist only since v1: a header without any of them is a v0 file.
const V1_ONLY = ['dispositif_programmes_nationaux', 'prise_en_charge_specifique', 'modalites_acces', 'formations_labels'];
/** v0 names of columns v1 renamed: read as their v1 counterparts. */
export const LMN_V0_COLUMNS = ['courriel', 'publics_accueillis', 'conditions_acces', 'labels_nationaux'];
export const lmnVersionOf = (columns: string[]): LmnVersion => (V1_ONLY.some((c) => columns.includes(c)) ? 'v1' : 'v0');

// v0 cells hold other vocabularies; their list patterns are v1's, so they are not checked on v0 files.
export const LMN_LIST_COLUMNS = new Set(
  LMN_SCHEMA.fields.filter((f) => f.constraints?.pattern?.startsWith('(?:(?:^|\\|)')).map((f) => f.name),
);

export function checkLmnRecord(record: Record<string, string | undefined>, version: LmnVersion) {
  const issues = lmnSchema.check(record);
  return version === 'v1' ? issues : issues.filter((i) => !LMN_LIST_COLUMNS.has(i.column) || i.rule === 'requis');
}

const listOf = (value: string | undefined, version: LmnVersion) =>
  (value ?? '').split(version === 'v1' ? '|' : ';').map((v) => v.trim()).filter(Boolean);

const siret = (pivot: string | undefined) => {
  const digits = (pivot ?? '').replace(/\s/g, '');
  return /^\d{9,14}$/.test(digits) && !/^0+$/.test(digits) ? digits : null;
};

/** The source a file's rows are recorded under in `lieu_sources`. */
export const importSourceDef = (id: string, nom: string, date: string): SourceDef => ({
  id,
  jeu: null,
  nom,
  licence: 'Licence Ouverte 2.0',
  url: null,
  date,
  // After every foundation source: a file brought in by a coordinator completes a place, the merge keeps its identity.
  rang: 50,
  territoire: 'tous',
});

export type RowResult = { ok: true; place: SourcePlace } | { ok: false; reason: string };

/**
 * One LMN row as the foundation import would read it: the same locate(), cleaners, service
 * crosswalk and type rules as sources/mediation-numerique.ts, so a place brought in by a file is
 * the place the national dataset would have given.
 */
export function lmnRecordToPlace(r: Record<string, string | undefined>, version: LmnVersion, def: SourceDef, ctx: ImportContext): RowResult {
  const ref = (r.id ?? '').trim();
  const located = locateLmnRow(r, def, ctx);
  if (!located.ok) return { ok: false, reason: located.reason };
  const nom = r.nom ?? '';
  const commune = located.commune?.nom ?? cleanText(r.commune);
  const types = new Set(typesFromName(nom, commune, ctx.vocab.nameRules));
  for (const token of listOf(r.typologie, version)) for (const t of ctx.vocab.lmnTypologies.get(foldWords(token)) ?? []) types.add(t);
  const labels = new Set<string>();
  for (const token of listOf(r.dispositif_programmes_nationaux ?? r.labels_nationaux, version)) {
    const label = ctx.vocab.lmnLabels.get(foldWords(token));
    if (label) labels.add(label);
  }
  const services = mapServices(r.services ?? '', 'import', ctx.vocab).services;
  const place = makePlace(def, located, { ref, lieuId: lmnLieuId(ref), nom }, {
    ...lmnRowFields(r, commune, { courriel: r.courriels ?? r.courriel, siteWeb: r.site_web?.split('|')[0] }),
    services,
    types: [...types],
    fallbackType: LMN_FALLBACK_TYPE,
    labels: [...labels],
    details: compactDetails({
      publics: listOf(r.publics_specifiquement_adresses ?? r.publics_accueillis, version),
      modalites_accompagnement: listOf(r.modalites_accompagnement, version),
      conditions_acces: listOf(r.frais_a_charge ?? r.conditions_acces, version),
      pivot: siret(r.pivot),
      itinerant: /Itinérant/.test(r.itinerance ?? '') ? true : null,
    }),
    dateMaj: /^\d{4}-\d{2}-\d{2}$/.test(r.date_maj ?? '') ? r.date_maj! : def.date,
  });
  return { ok: true, place };
}

// SIRET placeholder of the national dataset for structures without one.
const NO_SIRET = '00000000000000';

/** Keeps the values the schema allows in a list column, so that every exported row passes the schema. */
function allowed(column: string, values: unknown): string {
  if (!Array.isArray(values)) return '';
  return values.filter((v) => typeof v === 'string' && lmnSchema.accepts(column, v)).join('|');
}

const numberCell = (n: number) => String(n);

/** A place as a row of the v1.0.2 columns, in the schema's order. */
export function placeToLmnRecord(p: ExportPlace): Record<string, string> {
  const d = p.details;
  const record: Record<string, string> = {
    id: p.id,
    pivot: typeof d.pivot === 'string' && /^\d{9,14}$/.test(d.pivot) ? d.pivot : NO_SIRET,
    nom: p.nom,
    commune: p.commune ?? '',
    code_postal: p.codePostal ?? '',
    code_insee: p.codeInsee ?? '',
    adresse: p.adresse ?? '',
    complement_adresse: p.complementAdresse ?? '',
    latitude: numberCell(p.latitude),
    longitude: numberCell(p.longitude),
    typologie: p.typeCodes.join('|'),
    telephone: toInternational(p.telephone) ?? '',
    courriels: p.courriel ?? '',
    site_web: p.siteWeb ?? '',
    horaires: p.horairesOsm ?? '',
    presentation_resume: '',
    presentation_detail: '',
    source: 'Repères',
    itinerance: d.itinerant === true ? 'Itinérant' : '',
    structure_parente: '',
    date_maj: fullDate(p.dateMaj) ?? '',
    services: p.numeriqueLabels.join('|'),
    publics_specifiquement_adresses: allowed('publics_specifiquement_adresses', d.publics),
    prise_en_charge_specifique: '',
    frais_a_charge: allowed('frais_a_charge', d.conditions_acces),
    dispositif_programmes_nationaux: allowed('dispositif_programmes_nationaux', p.labels),
    formations_labels: '',
    autres_formations_labels: '',
    modalites_acces: '',
    modalites_accompagnement: allowed('modalites_accompagnement', d.modalites_accompagnement),
    fiche_acces_libre: '',
    prise_rdv: '',
  };
  return Object.fromEntries(lmnSchema.columns.map((c) => [c, record[c] ?? '']));
}
