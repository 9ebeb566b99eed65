import type { Precision } from '../../lib/api';
import type { CoordinatedPlace, LieuValues } from './admin-api';
import type { AdminMessages } from './messages';

/** The form keeps every text field as typed; numbers and nulls are made at the edge. */
export const TEXT_FIELDS = [
  'nom',
  'adresse',
  'complement_adresse',
  'code_postal',
  'commune',
  'code_insee',
  'latitude',
  'longitude',
  'telephone',
  'courriel',
  'site_web',
  'horaires_osm',
  'horaires_texte',
] as const;

export type TextFieldName = (typeof TEXT_FIELDS)[number];

/**
 * The keys of `details` the import writes that a coordinator can edit, by the shape the import
 * gives them (data/src/sources/*.ts): lists of words, free text, or yes/no.
 */
export const DETAIL_KINDS = {
  publics: 'list',
  modalites_accompagnement: 'list',
  conditions_acces: 'list',
  prise_rdv: 'yesno',
  format: 'text',
  commentaire: 'text',
} as const;
export type DetailKey = keyof typeof DETAIL_KINDS;
export type DetailFieldName = `details.${DetailKey}`;
export const DETAIL_KEYS = Object.keys(DETAIL_KINDS) as DetailKey[];
export const detailField = (key: DetailKey): DetailFieldName => `details.${key}`;

/**
 * `details` holds the place's stored object as loaded, so that keys the form does not show are
 * sent back untouched; each `details.<key>` holds what the coordinator sees and types for that key
 * ('oui' / 'non' / '' for yes/no).
 */
export type FormValues = Record<TextFieldName, string> &
  Record<DetailFieldName, string> & {
    precision: Precision;
    services: string[];
    types: string[];
    labels: string[];
    details: Record<string, unknown>;
  };
export type FieldName = keyof FormValues;
export type FormErrors = Partial<Record<FieldName, string>>;

export const emptyValues = (): FormValues => ({
  ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextFieldName, string>),
  ...(Object.fromEntries(DETAIL_KEYS.map((k) => [detailField(k), ''])) as Record<DetailFieldName, string>),
  precision: 'adresse',
  services: [],
  types: [],
  labels: [],
  details: {},
});

const text = (x: string | number | null | undefined) => (x === null || x === undefined ? '' : String(x));

// Commas inside parentheses belong to the value, as in the import's own split ("Solidaire (tarif réduit, …)").
const LIST_SEPARATOR = /,(?![^(]*\))/;

/** A stored detail as the form shows it, or null when its shape is not the one the form edits. */
function shownDetail(key: DetailKey, v: unknown): string | null {
  const kind = DETAIL_KINDS[key];
  if (kind === 'list') return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(', ') : null;
  if (kind === 'yesno') return typeof v === 'boolean' ? (v ? 'oui' : 'non') : null;
  return typeof v === 'string' ? v : null;
}

/** What the coordinator typed as a stored detail; undefined removes the key. */
function parsedDetail(key: DetailKey, typed: string): unknown {
  const kind = DETAIL_KINDS[key];
  if (kind === 'yesno') return typed === 'oui' ? true : typed === 'non' ? false : undefined;
  if (kind === 'text') return typed.trim() || undefined;
  const items = [...new Set(typed.split(LIST_SEPARATOR).map((x) => x.trim()).filter(Boolean))];
  return items.length ? items : undefined;
}

/** Stored details that no field shows (unknown keys, or a known key of another shape), in a stable order. */
export function otherDetails(details: Record<string, unknown>): [string, unknown][] {
  return Object.entries(details)
    .filter(([k, v]) => !Object.hasOwn(DETAIL_KINDS, k) || shownDetail(k as DetailKey, v) === null)
    .sort(([a], [b]) => a.localeCompare(b));
}

/** The stored details with each field the coordinator changed written over; untouched keys stay exactly as stored. */
function detailsOf(f: FormValues): Record<string, unknown> {
  const details = { ...f.details };
  for (const key of DETAIL_KEYS) {
    const typed = f[detailField(key)];
    if (typed === (shownDetail(key, f.details[key]) ?? '')) continue;
    const value = parsedDetail(key, typed);
    if (value === undefined) delete details[key];
    else details[key] = value;
  }
  return details;
}

/** The coordination view of a place (GET, or the `current` of a 409) as form values. */
export function toForm(p: CoordinatedPlace): FormValues {
  return {
    nom: p.nom,
    adresse: text(p.adresse),
    complement_adresse: text(p.complement_adresse),
    code_postal: text(p.code_postal),
    commune: text(p.commune),
    code_insee: text(p.code_insee),
    latitude: text(p.latitude),
    longitude: text(p.longitude),
    telephone: text(p.telephone),
    courriel: text(p.courriel),
    site_web: text(p.site_web),
    horaires_osm: text(p.horaires_osm),
    horaires_texte: text(p.horaires_texte),
    precision: p.precision,
    services: [...p.services],
    types: [...p.types],
    labels: [...p.labels],
    ...(Object.fromEntries(DETAIL_KEYS.map((k) => [detailField(k), shownDetail(k, p.details[k]) ?? ''])) as Record<DetailFieldName, string>),
    details: { ...p.details },
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const number = (s: string) => Number(s.trim().replace(',', '.'));

export function fromForm(f: FormValues): LieuValues {
  return {
    nom: f.nom.trim(),
    adresse: orNull(f.adresse),
    complement_adresse: orNull(f.complement_adresse),
    code_postal: f.code_postal.trim(),
    commune: f.commune.trim(),
    code_insee: orNull(f.code_insee)?.toUpperCase() ?? null,
    latitude: number(f.latitude),
    longitude: number(f.longitude),
    precision: f.precision,
    telephone: orNull(f.telephone),
    courriel: orNull(f.courriel),
    site_web: orNull(f.site_web),
    horaires_osm: orNull(f.horaires_osm),
    horaires_texte: orNull(f.horaires_texte),
    services: f.services,
    types: f.types,
    labels: f.labels,
    details: detailsOf(f),
  };
}

/** The API field a form field writes: every `details.<key>` is part of `details`. */
const apiField = (k: FieldName): keyof LieuValues => (k.startsWith('details') ? 'details' : (k as keyof LieuValues));

/** Only what the coordinator changed goes into a PATCH, so that a merge never re-sends stale values. */
export function changedValues(base: FormValues, edited: FormValues): Partial<LieuValues> {
  const all = fromForm(edited);
  const changed = differingFields(base, edited).map((k) => [apiField(k), all[apiField(k)]]);
  return Object.fromEntries(changed) as Partial<LieuValues>;
}

/** The API's limits on labels and details (api/src/contract/lieu-edit.ts). */
export const MAX_LABELS = 30;
export const MAX_DETAILS_LENGTH = 10_000;

const inRange = (s: string, limit: number) => s.trim() !== '' && Number.isFinite(number(s)) && Math.abs(number(s)) <= limit;

// Same patterns as api/src/contract/lieu-edit.ts (the web app does not bundle zod).
const PHONE = /^(0\d{9}|\+33\d{9}|\+(262|269|508|590|594|596)\d{9}|3\d{3}|1\d{1,3})$/;
const isFrenchPhone = (v: string) => v.split(/\s*[/,]\s*/).every((part) => PHONE.test(part.replace(/[\s.\-()]/g, '')));

/**
 * The API's rules for what a person types, checked before sending so that most mistakes show at
 * once with the API's own wording; the API's 400 (opening hours syntax, position in France,
 * unknown ids) remains the authority.
 */
export function validate(f: FormValues, m: AdminMessages): FormErrors {
  const errors: FormErrors = {};
  if (f.nom.trim().length < 2) errors.nom = m.invalid.nom;
  if (!/^\d{5}$/.test(f.code_postal.trim())) errors.code_postal = m.invalid.code_postal;
  if (!f.commune.trim()) errors.commune = m.invalid.commune;
  if (f.code_insee.trim() && !/^(\d{5}|2[AB]\d{3})$/i.test(f.code_insee.trim())) errors.code_insee = m.invalid.code_insee;
  if (!inRange(f.latitude, 90)) errors.latitude = m.invalid.latitude;
  if (!inRange(f.longitude, 180)) errors.longitude = m.invalid.longitude;
  if (f.telephone.trim() && !isFrenchPhone(f.telephone.trim())) errors.telephone = m.invalid.telephone;
  if (f.courriel.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.courriel.trim())) errors.courriel = m.invalid.courriel;
  if (f.site_web.trim() && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(f.site_web.trim())) errors.site_web = m.invalid.site_web;
  if (f.types.length === 0) errors.types = m.invalid.types;
  if (f.labels.length > MAX_LABELS) errors.labels = m.invalid.labels;
  if (JSON.stringify(detailsOf(f)).length > MAX_DETAILS_LENGTH) {
    // The limit is on the whole object: the longest field is the one to shorten.
    const longest = DETAIL_KEYS.map(detailField).reduce((a, b) => (f[b].length > f[a].length ? b : a));
    errors[longest] = m.invalid.details;
  }
  return errors;
}

/**
 * Fields whose value differs between two versions (lists compared as sets). `details` stands for
 * the stored keys no field shows; the shown ones are compared through their own fields.
 */
export function differingFields(a: FormValues, b: FormValues): FieldName[] {
  const same = (k: FieldName) => {
    if (k === 'details') return JSON.stringify(otherDetails(a.details)) === JSON.stringify(otherDetails(b.details));
    const x = a[k];
    const y = b[k];
    return Array.isArray(x) && Array.isArray(y) ? [...x].sort().join('\n') === [...y].sort().join('\n') : x === y;
  };
  return (Object.keys(a) as FieldName[]).filter((k) => !same(k));
}
