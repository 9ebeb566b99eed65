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
export type FormValues = Record<TextFieldName, string> & { precision: Precision; services: string[]; types: string[] };
export type FieldName = keyof FormValues;
export type FormErrors = Partial<Record<FieldName, string>>;

export const emptyValues = (): FormValues => ({
  ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextFieldName, string>),
  precision: 'adresse',
  services: [],
  types: [],
});

const text = (x: string | number | null | undefined) => (x === null || x === undefined ? '' : String(x));

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
  };
}

/** Only what the coordinator changed goes into a PATCH, so that a merge never re-sends stale values. */
export function changedValues(base: FormValues, edited: FormValues): Partial<LieuValues> {
  const all = fromForm(edited);
  const changed = differingFields(base, edited).map((k) => [k, all[k]]);
  return Object.fromEntries(changed) as Partial<LieuValues>;
}

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
  return errors;
}

/** Fields whose value differs between two versions (lists compared as sets). */
export function differingFields(a: FormValues, b: FormValues): FieldName[] {
  const same = (x: string | string[], y: string | string[]) =>
    Array.isArray(x) && Array.isArray(y) ? [...x].sort().join('\n') === [...y].sort().join('\n') : x === y;
  return (Object.keys(a) as FieldName[]).filter((k) => !same(a[k], b[k]));
}
