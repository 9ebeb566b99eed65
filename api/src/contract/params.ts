import { z } from 'zod';
import type { MessageKey } from '../i18n/messages.ts';

/**
 * Query-string schemas shared by the routes. Each issue's `message` is a key into the API's
 * messages, so the zod hook can answer in the caller's language.
 */
const issue = (key: MessageKey) => ({ message: key });

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

export type Bbox = { minLon: number; minLat: number; maxLon: number; maxLat: number };

const NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;

export const bboxParam = z
  .string()
  .max(200, issue('bbox_invalide'))
  .transform((raw, ctx): Bbox => {
    const parts = raw.split(',');
    if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p))) {
      ctx.addIssue({ code: 'custom', message: 'bbox_invalide' });
      return z.NEVER;
    }
    const [minLon, minLat, maxLon, maxLat] = parts.map(Number) as [number, number, number, number];
    const inRange =
      minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon < maxLon && minLat < maxLat;
    if (!inRange) {
      ctx.addIssue({ code: 'custom', message: 'bbox_hors_limites' });
      return z.NEVER;
    }
    return { minLon, minLat, maxLon, maxLat };
  });

/** Comma-separated ids; whether they exist is checked against the vocabulary in the database. */
const idList = (key: MessageKey) =>
  z
    .string()
    .max(2000, issue(key))
    .transform((raw) => [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))]);

export const filterParams = {
  bbox: bboxParam.optional(),
  services: idList('service_inconnu').optional(),
  types: idList('type_inconnu').optional(),
  labels: idList('label_inconnu').optional(),
  lang: z.enum(['fr', 'en']).optional(),
};

const wholeNumber = (key: MessageKey, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, issue(key))
    .transform(Number)
    .pipe(z.number().min(min, issue(key)).max(max, issue(key)));

export type Point = { lon: number; lat: number };

/** "lon,lat": the point to sort places from, nearest first. */
export const nearParam = z
  .string()
  .max(100, issue('near_invalide'))
  .transform((raw, ctx): Point => {
    const parts = raw.split(',');
    const [lon, lat] = parts.map(Number) as [number, number];
    if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p)) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      ctx.addIssue({ code: 'custom', message: 'near_invalide' });
      return z.NEVER;
    }
    return { lon, lat };
  });

export const MAX_SEARCH_LENGTH = 100;

/** Free text to search; any character is accepted, it is folded to plain words before use. */
const searchText = z.string(issue('recherche_manquante')).max(MAX_SEARCH_LENGTH, issue('recherche_trop_longue'));

export const lieuxQuery = z.strictObject({
  ...filterParams,
  limit: wholeNumber('limit_invalide', 1, MAX_LIMIT).optional(),
  offset: wholeNumber('offset_invalide', 0, 1_000_000).optional(),
  near: nearParam.optional(),
  ouvert: z.enum(['maintenant', 'samedi'], issue('ouvert_invalide')).optional(),
  q: searchText.optional(),
});

export const communesQuery = z.strictObject({
  q: searchText,
  limit: wholeNumber('limit_communes_invalide', 1, 20).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

export const clustersQuery = z.strictObject({
  ...filterParams,
  zoom: z
    .string()
    .regex(/^\d{1,2}(\.\d+)?$/, issue('zoom_invalide'))
    .transform(Number)
    .pipe(z.number().min(0, issue('zoom_invalide')).max(22, issue('zoom_invalide'))),
});

export const servicesQuery = z.strictObject(filterParams);

export const langOnlyQuery = z.strictObject({ lang: z.enum(['fr', 'en']).optional() });

/** The national formats the places can be taken out in (GET /api/export, npm run cli -- export). */
export const EXPORT_FORMATS = ['lmn-csv', 'geojson', 'data-inclusion'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportQuery = z.strictObject({
  ...filterParams,
  format: z.enum(EXPORT_FORMATS, issue('format_export_invalide')),
});

/** The largest file a coordinator may send to POST /api/imports. */
export const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;

export const importQuery = z.strictObject({
  appliquer: z.enum(['0', '1']).optional(),
  nom: z.string().max(200).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

/** Public place ids are short and URL-safe (e.g. fs-123, lmn-3f9a0c1b). */
export const lieuIdParam = z.strictObject({ id: z.string().max(100) });
