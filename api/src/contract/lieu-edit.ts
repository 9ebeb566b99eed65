import opening_hours from 'opening_hours';
import { z } from 'zod';
import type { MessageKey } from '../i18n/messages.ts';

/**
 * What a coordinator may write about a place, shared by the API and the web form. Each issue's
 * `message` is a key into the API's messages (`api/src/i18n/fr.ts`), so both sides can word it
 * in the reader's language; the API answers `{ code: 'champs_invalides', message, fields }`.
 * Whether service and type ids exist is checked by the API against the database.
 */
const issue = (key: MessageKey) => ({ message: key });

const text = (max: number) =>
  z
    .string(issue('texte_invalide'))
    .trim()
    .max(max, issue('texte_trop_long'))
    .transform((s) => (s === '' ? null : s))
    .nullable();

/** Mainland France with Corsica, then each overseas département and collectivité, with a margin. */
const FRANCE_BOXES = [
  { minLat: 41.2, maxLat: 51.2, minLon: -5.5, maxLon: 9.8 },
  { minLat: 14.3, maxLat: 18.2, minLon: -63.3, maxLon: -60.7 }, // Antilles
  { minLat: 2, maxLat: 6, minLon: -54.8, maxLon: -51.5 }, // Guyane
  { minLat: -21.5, maxLat: -20.8, minLon: 55.1, maxLon: 56 }, // La Réunion
  { minLat: -13.1, maxLat: -12.5, minLon: 44.9, maxLon: 45.4 }, // Mayotte
  { minLat: 46.7, maxLat: 47.2, minLon: -56.5, maxLon: -56.1 }, // Saint-Pierre-et-Miquelon
];

export const isInFrance = (latitude: number, longitude: number) =>
  FRANCE_BOXES.some((b) => latitude >= b.minLat && latitude <= b.maxLat && longitude >= b.minLon && longitude <= b.maxLon);

/** Ten digits from 0, +33 and nine digits, overseas prefixes, or a short service number (3949). */
const PHONE = /^(0\d{9}|\+33\d{9}|\+(262|269|508|590|594|596)\d{9}|3\d{3}|1\d{1,2})$/;
export const isFrenchPhone = (value: string) =>
  value.split(/\s*[/,]\s*/).every((part) => PHONE.test(part.replace(/[\s.\-()]/g, '')));

export const isOpeningHours = (value: string) => {
  try {
    new opening_hours(value, null);
    return true;
  } catch {
    return false;
  }
};

/** Nesting deeper than the stack makes JSON.stringify throw: such a value is as unacceptable as a too long one. */
const jsonLength = (value: unknown) => {
  try {
    return JSON.stringify(value).length;
  } catch {
    return Infinity;
  }
};

const idList = z.array(z.string(issue('identifiant_invalide')).max(100, issue('identifiant_invalide')), issue('liste_invalide')).max(60, issue('liste_invalide'));

export const lieuFields = {
  nom: z.string(issue('nom_requis')).trim().min(2, issue('nom_requis')).max(200, issue('texte_trop_long')),
  adresse: text(300),
  complement_adresse: text(300),
  code_postal: z.string(issue('code_postal_invalide')).trim().regex(/^\d{5}$/, issue('code_postal_invalide')),
  commune: z.string(issue('commune_requise')).trim().min(1, issue('commune_requise')).max(200, issue('texte_trop_long')),
  code_insee: z
    .string(issue('code_insee_invalide'))
    .trim()
    .regex(/^(\d{5}|2[AB]\d{3})$/, issue('code_insee_invalide'))
    .nullable(),
  latitude: z.number(issue('coordonnees_invalides')).min(-90, issue('coordonnees_invalides')).max(90, issue('coordonnees_invalides')),
  longitude: z.number(issue('coordonnees_invalides')).min(-180, issue('coordonnees_invalides')).max(180, issue('coordonnees_invalides')),
  precision: z.enum(['adresse', 'commune'], issue('precision_invalide')),
  telephone: text(100).refine((v) => v === null || isFrenchPhone(v), issue('telephone_invalide')),
  courriel: z.union([z.email(issue('courriel_invalide')).max(200, issue('courriel_invalide')), z.null()], issue('courriel_invalide')),
  site_web: z.union(
    [z.url({ protocol: /^https?$/, hostname: z.regexes.domain, ...issue('site_web_invalide') }).max(500, issue('site_web_invalide')), z.null()],
    issue('site_web_invalide'),
  ),
  horaires_osm: text(1000).refine((v) => v === null || isOpeningHours(v), issue('horaires_osm_invalides')),
  horaires_texte: text(2000),
  services: idList,
  types: idList.min(1, issue('types_requis')),
  labels: z.array(z.string(issue('texte_invalide')).trim().min(1, issue('texte_invalide')).max(200, issue('texte_trop_long')), issue('liste_invalide')).max(30, issue('liste_invalide')),
  details: z.record(z.string(), z.unknown(), issue('details_invalides')).refine((d) => jsonLength(d) <= 10_000, issue('texte_trop_long')),
};

export type LieuFieldName = keyof typeof lieuFields;
export const LIEU_FIELD_NAMES = Object.keys(lieuFields) as LieuFieldName[];

const commentaire = z.string(issue('texte_invalide')).trim().max(1000, issue('commentaire_trop_long')).optional();
const version = z.number(issue('version_invalide')).int(issue('version_invalide')).min(1, issue('version_invalide'));

const withLocation = <T extends { latitude?: number; longitude?: number }>(v: T, ctx: z.RefinementCtx) => {
  if (v.latitude !== undefined && v.longitude !== undefined && !isInFrance(v.latitude, v.longitude)) {
    ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'coordonnees_hors_france' });
  }
};

const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

/** A new place: name, where it is and what it is are required; the rest may come later. */
export const lieuCreate = z
  .strictObject({
    ...optional(lieuFields),
    nom: lieuFields.nom,
    code_postal: lieuFields.code_postal,
    commune: lieuFields.commune,
    latitude: lieuFields.latitude,
    longitude: lieuFields.longitude,
    precision: lieuFields.precision,
    types: lieuFields.types,
    commentaire,
  })
  .superRefine(withLocation);

/** A change: any subset of the fields, based on the version the form was loaded from. */
export const lieuPatch = z
  .strictObject({ ...optional(lieuFields), version: version.optional(), commentaire })
  .superRefine(withLocation);

/** Archive, unarchive or restore: based on a known version. */
export const versionedAction = z.strictObject({ version, commentaire });

export const verificationBody = z.strictObject({ commentaire });

export const MOTIFS = ['ferme-definitivement', 'horaires', 'telephone', 'adresse', 'services', 'autre'] as const;

export const signalementBody = z.strictObject({
  motif: z.enum(MOTIFS, issue('motif_invalide')),
  commentaire: z.string(issue('texte_invalide')).trim().max(1000, issue('commentaire_trop_long')).optional(),
  // Hidden from people; a robot filling every field fills this one too.
  site_web_confirmation: z.string().max(2000).optional(),
});

export const resolutionBody = z
  .strictObject({
    action: z.enum(['corrige', 'rejete'], issue('action_invalide')),
    commentaire,
    modification: lieuPatch.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'rejete' && !v.commentaire) ctx.addIssue({ code: 'custom', path: ['commentaire'], message: 'commentaire_requis' });
  });

export type LieuCreate = z.output<typeof lieuCreate>;
export type LieuPatch = z.output<typeof lieuPatch>;
export type SignalementBody = z.output<typeof signalementBody>;
export type ResolutionBody = z.output<typeof resolutionBody>;
