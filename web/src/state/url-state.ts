import { isLang, type Lang } from '../i18n/lang';
import type { OpenFilter } from '../lib/api';
import { bboxFromString, bboxToString, type BBox } from '../lib/geo';

/**
 * Everything a shared link or the back button must restore. `lang: null` means "not chosen in
 * the URL": the stored preference, then French, apply.
 */
export interface UrlState {
  lang: Lang | null;
  services: string[];
  types: string[];
  /** National labels, e.g. "aidants-connect" (the helpers' page links to the map filtered on it). */
  labels: string[];
  zone: BBox | null;
  lieu: string | null;
  /** Only places open now, or on Saturdays. */
  ouvert: OpenFilter | null;
  /** "Autour de moi": [lon, lat] rounded to about 100 m, never more precise than the request needs. */
  pres: readonly [number, number] | null;
  /** The commune chosen in the search, as shown ("Saint-Denis (93)"): the view itself is `zone`. */
  commune: string | null;
}

export const INITIAL_URL_STATE: UrlState = {
  lang: null,
  services: [],
  types: [],
  labels: [],
  zone: null,
  lieu: null,
  ouvert: null,
  pres: null,
  commune: null,
};

const VOCABULARY_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const PLACE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

// Three decimals: about 100 m, enough to sort by distance and not enough to pinpoint a home.
export const roundPosition = (lon: number, lat: number): [number, number] => [
  Math.round(lon * 1e3) / 1e3,
  Math.round(lat * 1e3) / 1e3,
];

function parsePosition(raw: string | null): [number, number] | null {
  const parts = raw?.split(',') ?? [];
  if (parts.length !== 2 || parts.some((p) => p.trim() === '')) return null;
  const [lon, lat] = parts.map(Number) as [number, number];
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return roundPosition(lon, lat);
}

// Letters, digits, spaces and the punctuation of French commune names, e.g. "L'Haÿ-les-Roses (94)".
const COMMUNE_LABEL = /^[\p{L}\p{N} '’().-]{1,80}$/u;

// Sorted and deduplicated: the same selection always gives the same URL and cache key.
export const canonicalIds = (ids: Iterable<string>) => [...new Set(ids)].sort();

function parseIds(raw: string | null): string[] {
  if (!raw) return [];
  return canonicalIds(raw.split(',').filter((id) => VOCABULARY_ID.test(id)));
}

/** Unknown or malformed values are dropped, never trusted: the link may have been hand-edited. */
export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const lang = q.get('lang');
  const lieu = q.get('lieu');
  const zone = q.get('zone');
  const ouvert = q.get('ouvert');
  const commune = q.get('commune');
  return {
    lang: isLang(lang) ? lang : null,
    services: parseIds(q.get('services')),
    types: parseIds(q.get('types')),
    labels: parseIds(q.get('labels')),
    zone: zone ? bboxFromString(zone) : null,
    lieu: lieu && PLACE_ID.test(lieu) ? lieu : null,
    ouvert: ouvert === 'maintenant' || ouvert === 'samedi' ? ouvert : null,
    pres: parsePosition(q.get('pres')),
    commune: commune && COMMUNE_LABEL.test(commune) ? commune : null,
  };
}

// Commas and the place id's characters stay literal so that a shared link stays readable.
const encode = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/** '?…' or '' when nothing differs from the defaults. */
export function serializeUrlState(state: UrlState): string {
  const parts: [string, string][] = [];
  if (state.lang) parts.push(['lang', state.lang]);
  if (state.services.length) parts.push(['services', state.services.join(',')]);
  if (state.types.length) parts.push(['types', state.types.join(',')]);
  if (state.labels.length) parts.push(['labels', state.labels.join(',')]);
  if (state.zone) parts.push(['zone', bboxToString(state.zone)]);
  if (state.lieu) parts.push(['lieu', state.lieu]);
  if (state.ouvert) parts.push(['ouvert', state.ouvert]);
  if (state.pres) parts.push(['pres', state.pres.join(',')]);
  if (state.commune) parts.push(['commune', state.commune]);
  return parts.length ? '?' + parts.map(([k, v]) => `${k}=${encode(v)}`).join('&') : '';
}
