import type { ErrorBody, PlacePage, Place, Vocabulary, Commune, ClusterResponse } from '@reperes/api/contract/responses.ts';
import type { Lang } from '../i18n/lang';
import { takeEarly } from './early-requests';
import { bboxToString, type BBox } from './geo';

// The shapes of the API's answers are the API's own contract (api/src/contract), read as types.
export type {
  Cluster, ClusterResponse, Commune, DayHours, Ouverture, Place, PlacePage, PlaceSummary, Precision, Source, Vocabulary,
  VocabularyEntry,
} from '@reperes/api/contract/responses.ts';

/**
 * Any refusal or failure, in the API's one error shape: a stable `code`, a message in the
 * caller's language, and for forms the message of each refused field (`fields`), for a 409 the
 * version saved meanwhile (`current`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: NonNullable<ErrorBody['fields']>;
  readonly current: unknown;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.current = body.current ?? null;
  }
}

/** `status` 0: the request never got an answer (offline, server down, connection cut). */
export const NETWORK_ERROR_CODE = 'reseau_indisponible';
/** The answer was not the API's JSON (e.g. a proxy's HTML error page). */
export const INVALID_RESPONSE_CODE = 'reponse_invalide';

const isField = (f: unknown): f is { path: string; message: string } =>
  !!f && typeof f === 'object' && typeof (f as { path?: unknown }).path === 'string' && typeof (f as { message?: unknown }).message === 'string';

/** Reads a refusal defensively: a proxy or an old server may answer anything. */
async function errorFromResponse(res: Response): Promise<ApiError> {
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
      const b = body as Partial<Record<keyof ErrorBody, unknown>>;
      return new ApiError(res.status, {
        code: body.code,
        message: typeof b.message === 'string' ? b.message : '',
        fields: Array.isArray(b.fields) ? b.fields.filter(isField) : [],
        current: b.current && typeof b.current === 'object' ? b.current : null,
      });
    }
  } catch {
    // Not JSON: fall through to the generic error.
  }
  return new ApiError(res.status, { code: INVALID_RESPONSE_CODE, message: '' });
}

type Params = Record<string, string | number | undefined>;

// Commas stay literal so that bbox and id lists remain readable in logs and the network panel.
const encode = (v: string | number) => encodeURIComponent(String(v)).replace(/%2C/gi, ',');

export function apiUrl(path: string, params: Params = {}): string {
  const query = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${encode(v)}`)
    .join('&');
  return import.meta.env.BASE_URL + path + (query ? '?' + query : '');
}

/**
 * The one way the web app asks the API: any non-2xx answer becomes an ApiError, a request that
 * got no answer one with status 0 and NETWORK_ERROR_CODE, 204 or an empty body `undefined`.
 * A request the page made before the app was ready (early-requests.ts) is answered by that one.
 */
export async function apiRequest<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  const headers = { Accept: 'application/json', ...(init.headers as Record<string, string> | undefined) };
  const early = (init.method ?? 'GET') === 'GET' ? takeEarly(url) : undefined;
  try {
    res = await (early ?? fetch(url, { ...init, headers }));
  } catch (e) {
    if (init.signal?.aborted) throw e;
    throw new ApiError(0, { code: NETWORK_ERROR_CODE, message: '' });
  }
  if (!res.ok) throw await errorFromResponse(res);
  if (res.status === 204) return undefined as T;
  try {
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  } catch {
    throw new ApiError(res.status, { code: INVALID_RESPONSE_CODE, message: '' });
  }
}

export const getJson = <T>(path: string, params: Params, signal?: AbortSignal): Promise<T> =>
  apiRequest<T>(apiUrl(path, params), { signal });

const getJsonAt = <T>(url: string, signal?: AbortSignal): Promise<T> => apiRequest<T>(url, { signal });

/** Basemap territories (web/public/basemap/territoires.json): the web app's own file, not the API's. */
export interface Territories {
  regions: { code: string; nom: string; bbox: [number, number, number, number] }[];
}

// ---- Endpoints ------------------------------------------------------------------------------

export interface Filters {
  services: readonly string[];
  types: readonly string[];
  labels: readonly string[];
}

const filterParams = (bbox: BBox | null, f: Filters, lang: Lang): Params => ({
  bbox: bbox ? bboxToString(bbox) : undefined,
  services: f.services.join(','),
  types: f.types.join(','),
  labels: f.labels.join(','),
  lang,
});

export const fetchVocabulary = (bbox: BBox, f: Filters, lang: Lang, signal?: AbortSignal) =>
  getJson<Vocabulary>('api/services', filterParams(bbox, f, lang), signal);

/** The first page of a list: what a phone shows before scrolling, and all a weak connection should wait for. */
export const FIRST_PAGE_SIZE = 10;

export type PlacesInBox = { bbox: BBox; filters: Filters; ouvert?: OpenFilter | null; lang: Lang; limit: number; offset: number };

export const placesUrl = (q: PlacesInBox) =>
  apiUrl('api/lieux', { ...filterParams(q.bbox, q.filters, q.lang), ouvert: q.ouvert ?? undefined, limit: q.limit, offset: q.offset });

export const fetchPlaces = (q: PlacesInBox, signal?: AbortSignal) => getJsonAt<PlacePage>(placesUrl(q), signal);

export type OpenFilter = 'maintenant' | 'samedi';

/** The list around a point (sorted by distance, no box) or in a box, optionally open now/on Saturdays. */
export const fetchPlacesNear = (
  q: { near: readonly [number, number]; filters: Filters; ouvert: OpenFilter | null; lang: Lang; limit: number; offset: number },
  signal?: AbortSignal,
) =>
  getJson<PlacePage>(
    'api/lieux',
    {
      ...filterParams(null, q.filters, q.lang),
      near: q.near.join(','),
      ouvert: q.ouvert ?? undefined,
      limit: q.limit,
      offset: q.offset,
    },
    signal,
  );

export const communesUrl = (q: string) => apiUrl('api/communes', { q, limit: 8 });

export const fetchCommunes = (q: string, signal?: AbortSignal) => getJsonAt<{ items: Commune[] }>(communesUrl(q), signal);

export const placesByNameUrl = (q: string, lang: Lang) => apiUrl('api/lieux', { q, limit: 5, lang });

export const fetchPlacesByName = (q: string, lang: Lang, signal?: AbortSignal) => getJsonAt<PlacePage>(placesByNameUrl(q, lang), signal);

export const fetchClusters = (
  q: { bbox: BBox; zoom: number; filters: Filters; lang: Lang },
  signal?: AbortSignal,
) => getJson<ClusterResponse>('api/clusters', { ...filterParams(q.bbox, q.filters, q.lang), zoom: q.zoom }, signal);

export const fetchPlace = (id: string, lang: Lang, signal?: AbortSignal) =>
  getJson<Place>('api/lieux/' + encodeURIComponent(id), { lang }, signal);

export const fetchTerritories = (signal?: AbortSignal) =>
  getJson<Territories>('basemap/territoires.json', {}, signal);
