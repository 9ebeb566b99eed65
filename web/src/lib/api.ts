import type { Lang } from '../i18n/lang';
import { takeEarly } from './early-requests';
import { bboxToString, type BBox } from './geo';

/** A refusal or failure, with the API's stable `code` and its message in the caller's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** `status` 0: the request never got an answer (offline, server down, connection cut). */
export const NETWORK_ERROR_CODE = 'reseau_indisponible';
/** The answer was not the API's JSON (e.g. a proxy's HTML error page). */
export const INVALID_RESPONSE_CODE = 'reponse_invalide';

export async function errorFromResponse(res: Response): Promise<ApiError> {
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
      const message = 'message' in body && typeof body.message === 'string' ? body.message : '';
      return new ApiError(res.status, body.code, message);
    }
  } catch {
    // Not JSON: fall through to the generic error.
  }
  return new ApiError(res.status, INVALID_RESPONSE_CODE, '');
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

const JSON_HEADERS = { Accept: 'application/json' };

export function getJson<T>(path: string, params: Params, signal?: AbortSignal): Promise<T> {
  return getJsonAt<T>(apiUrl(path, params), signal);
}

/** A request the page made before the app was ready (see early-requests.ts) is answered by that one. */
async function getJsonAt<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await (takeEarly(url) ?? fetch(url, { signal, headers: JSON_HEADERS }));
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, NETWORK_ERROR_CODE, '');
  }
  if (!res.ok) throw await errorFromResponse(res);
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, INVALID_RESPONSE_CODE, '');
  }
}

// ---- Payloads -------------------------------------------------------------------------------

export type Precision = 'adresse' | 'commune';

export interface VocabularyEntry {
  id: string;
  label: string;
  label_en: string;
  description?: string | null;
  count: number;
}

export interface Vocabulary {
  numerique: VocabularyEntry[];
  demarches: VocabularyEntry[];
  types: VocabularyEntry[];
  /** National labels (Aidants Connect, France Services…) that places in the data carry. */
  labels: VocabularyEntry[];
}

/** Computed by the API at request time, in the place's own time zone (`fuseau`). */
export interface Ouverture {
  statut: 'ouvert' | 'ferme' | 'inconnu';
  /** When open: the next closing, ISO with offset. */
  jusqu_a?: string | null;
  /** When closed: the next opening, ISO with offset. */
  prochaine_ouverture?: string | null;
  fuseau: string;
}

export interface DayHours {
  date: string;
  jour: string;
  plages: { debut: string; fin: string }[];
  ferie: string | null;
}

export interface PlaceSummary {
  id: string;
  nom: string;
  latitude: number;
  longitude: number;
  precision: Precision;
  code_postal: string | null;
  commune: string | null;
  types: string[];
  services: string[];
  ouverture?: Ouverture;
  /** Only with `near`: great-circle metres. */
  distance_m?: number;
}

export interface PlacePage {
  total: number;
  limit: number;
  offset: number;
  items: PlaceSummary[];
  /** With `ouvert`: places left out because their hours are unknown. */
  sans_horaires?: number;
}

export interface Commune {
  code_insee: string;
  nom: string;
  departement: string;
  departement_nom: string;
  codes_postaux: string[];
  latitude: number;
  longitude: number;
  population: number;
  bbox?: [number, number, number, number] | null;
}

export interface Cluster {
  latitude: number;
  longitude: number;
  count: number;
  id?: string;
  nom?: string;
}

export interface ClusterResponse {
  total: number;
  clusters: Cluster[];
}

export interface Source {
  id: string;
  nom: string;
  licence: string | null;
  url: string | null;
  date: string | null;
  ref: string | null;
}

export interface Place {
  id: string;
  nom: string;
  adresse: string | null;
  complement_adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  code_insee: string | null;
  departement: string | null;
  latitude: number;
  longitude: number;
  precision: Precision;
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  horaires: { texte: string | null; osm: string | null; semaine?: DayHours[] | null };
  ouverture?: Ouverture;
  services: string[];
  types: string[];
  labels: string[];
  details: Record<string, unknown>;
  date_maj: string | null;
  /** Last check or change by a coordinator (ISO date-time). */
  verifie_le?: string | null;
  sources: Source[];
}

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
