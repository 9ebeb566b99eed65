import { isLang, type Lang } from '../i18n/lang';
import { bboxFromString, bboxToString, type BBox } from '../lib/geo';

/**
 * Everything a shared link or the back button must restore. `lang: null` means "not chosen in
 * the URL": the stored preference, then French, apply.
 */
export interface UrlState {
  lang: Lang | null;
  services: string[];
  types: string[];
  zone: BBox | null;
  lieu: string | null;
}

export const INITIAL_URL_STATE: UrlState = { lang: null, services: [], types: [], zone: null, lieu: null };

const VOCABULARY_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const PLACE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

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
  return {
    lang: isLang(lang) ? lang : null,
    services: parseIds(q.get('services')),
    types: parseIds(q.get('types')),
    zone: zone ? bboxFromString(zone) : null,
    lieu: lieu && PLACE_ID.test(lieu) ? lieu : null,
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
  if (state.zone) parts.push(['zone', bboxToString(state.zone)]);
  if (state.lieu) parts.push(['lieu', state.lieu]);
  return parts.length ? '?' + parts.map(([k, v]) => `${k}=${encode(v)}`).join('&') : '';
}
