import type { Lang } from '../i18n/lang';
import { bboxVersTexte, type BBox } from './geo';

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
export const CODE_RESEAU = 'reseau_indisponible';
/** The answer was not the API's JSON (e.g. a proxy's HTML error page). */
export const CODE_REPONSE_INVALIDE = 'reponse_invalide';

export async function erreurDepuisReponse(res: Response): Promise<ApiError> {
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
      const message = 'message' in body && typeof body.message === 'string' ? body.message : '';
      return new ApiError(res.status, body.code, message);
    }
  } catch {
    // Not JSON: fall through to the generic error.
  }
  return new ApiError(res.status, CODE_REPONSE_INVALIDE, '');
}

type Params = Record<string, string | number | undefined>;

// Commas stay literal so that bbox and id lists remain readable in logs and the network panel.
const encoder = (v: string | number) => encodeURIComponent(String(v)).replace(/%2C/gi, ',');

export function urlApi(chemin: string, params: Params = {}): string {
  const query = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${encoder(v)}`)
    .join('&');
  return import.meta.env.BASE_URL + chemin + (query ? '?' + query : '');
}

export async function getJson<T>(chemin: string, params: Params, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(urlApi(chemin, params), { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, CODE_RESEAU, '');
  }
  if (!res.ok) throw await erreurDepuisReponse(res);
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, CODE_REPONSE_INVALIDE, '');
  }
}

// ---- Payloads -------------------------------------------------------------------------------

export type Precision = 'adresse' | 'commune';

export interface EntreeVocabulaire {
  id: string;
  label: string;
  label_en: string;
  description?: string | null;
  count: number;
}

export interface Vocabulaire {
  numerique: EntreeVocabulaire[];
  demarches: EntreeVocabulaire[];
  types: EntreeVocabulaire[];
}

export interface LieuResume {
  id: string;
  nom: string;
  latitude: number;
  longitude: number;
  precision: Precision;
  code_postal: string | null;
  commune: string | null;
  types: string[];
  services: string[];
}

export interface PageLieux {
  total: number;
  limit: number;
  offset: number;
  items: LieuResume[];
}

export interface Groupe {
  latitude: number;
  longitude: number;
  count: number;
  id?: string;
  nom?: string;
}

export interface ReponseGroupes {
  total: number;
  clusters: Groupe[];
}

export interface Source {
  id: string;
  nom: string;
  licence: string | null;
  url: string | null;
  date: string | null;
  ref: string | null;
}

export interface LieuDetail {
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
  horaires: { texte: string | null; osm: string | null };
  services: string[];
  types: string[];
  labels: string[];
  details: Record<string, unknown>;
  date_maj: string | null;
  sources: Source[];
}

export interface Territoires {
  regions: { code: string; nom: string; bbox: [number, number, number, number] }[];
}

// ---- Endpoints ------------------------------------------------------------------------------

export interface Filtres {
  services: readonly string[];
  types: readonly string[];
}

const filtreParams = (bbox: BBox | null, f: Filtres, lang: Lang): Params => ({
  bbox: bbox ? bboxVersTexte(bbox) : undefined,
  services: f.services.join(','),
  types: f.types.join(','),
  lang,
});

export const lireVocabulaire = (bbox: BBox, f: Filtres, lang: Lang, signal?: AbortSignal) =>
  getJson<Vocabulaire>('api/services', filtreParams(bbox, f, lang), signal);

export const lireLieux = (
  q: { bbox: BBox; filtres: Filtres; lang: Lang; limit: number; offset: number },
  signal?: AbortSignal,
) =>
  getJson<PageLieux>(
    'api/lieux',
    { ...filtreParams(q.bbox, q.filtres, q.lang), limit: q.limit, offset: q.offset },
    signal,
  );

export const lireGroupes = (
  q: { bbox: BBox; zoom: number; filtres: Filtres; lang: Lang },
  signal?: AbortSignal,
) => getJson<ReponseGroupes>('api/clusters', { ...filtreParams(q.bbox, q.filtres, q.lang), zoom: q.zoom }, signal);

export const lireLieu = (id: string, lang: Lang, signal?: AbortSignal) =>
  getJson<LieuDetail>('api/lieux/' + encodeURIComponent(id), { lang }, signal);

export const lireTerritoires = (signal?: AbortSignal) =>
  getJson<Territoires>('basemap/territoires.json', {}, signal);
