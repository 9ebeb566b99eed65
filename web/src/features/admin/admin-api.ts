import { ApiError, NETWORK_ERROR_CODE, apiUrl, errorFromResponse, type Precision } from '../../lib/api';
import type { Lang } from '../../i18n/lang';

/** Shapes of the coordinators' API (docs/api-coordinateurs.md). */

export type Role = 'administrateur' | 'coordinateur';

export interface User {
  id: string;
  courriel: string;
  role: Role;
  territoires: string[];
  reseaux: string[];
}

export interface Session {
  utilisateur: User;
  csrf: string;
}

/** The fields a coordinator writes (api/src/contract/lieu-edit.ts). */
export interface LieuValues {
  nom: string;
  adresse: string | null;
  complement_adresse: string | null;
  code_postal: string;
  commune: string;
  code_insee: string | null;
  latitude: number;
  longitude: number;
  precision: Precision;
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  horaires_osm: string | null;
  horaires_texte: string | null;
  services: string[];
  types: string[];
  labels: string[];
  details: Record<string, unknown>;
}

/** `GET /api/coordination/lieux/:id`: the editable fields, flat, plus what coordinators need. */
export interface CoordinatedPlace extends LieuValues {
  id: string;
  departement: string | null;
  date_maj: string | null;
  version: number;
  verifie_le: string | null;
  modifie_le: string | null;
  modifie_par: string | null;
  archive: boolean;
  archive_le: string | null;
  modifiable: boolean;
}

export type Tranche = 'jamais' | 'plus-12-mois' | 'plus-6-mois' | 'recent';
type Counts = { jamais: number; plus_12_mois: number; plus_6_mois: number; recent: number };

export interface FreshnessPlace {
  id: string;
  nom: string;
  commune: string | null;
  departement: string | null;
  verifie_le: string | null;
  date_maj: string | null;
  version: number;
}

/** Counts are null for a département with no place in that band. */
type NullableCounts = { [K in keyof Counts]: number | null };

export interface Freshness {
  totaux: Counts;
  par_departement: ({ departement: string | null } & NullableCounts)[];
  tranche: Tranche;
  total: number;
  items: FreshnessPlace[];
}

export interface HistoryEntry {
  id: number;
  action: string;
  version: number | null;
  auteur: string | null;
  le: string;
  commentaire: string | null;
  avant: Record<string, unknown>;
  apres: Record<string, unknown>;
  signalement_id: number | null;
}

export type Motif = 'ferme-definitivement' | 'horaires' | 'telephone' | 'adresse' | 'services' | 'autre';

export interface Report {
  id: number;
  motif: Motif;
  commentaire: string | null;
  statut: 'ouvert' | 'corrige' | 'rejete';
  cree_le: string;
  traite_le: string | null;
  traite_par: string | null;
  reponse: string | null;
  lieu: { id: string; nom: string; commune: string | null; departement: string | null };
}

export interface Account {
  id: number;
  courriel: string;
  role: Role;
  territoires: string[];
  reseaux: string[];
  cree_le: string;
  actif: boolean;
}

export interface PendingInvitation {
  courriel: string;
  role: Role;
  territoires: string[];
  reseaux: string[];
  cree_le: string;
  expire_le: string;
}

/** A 409 from PATCH: someone saved meanwhile. */
export interface StaleVersion {
  version: number;
  values: CoordinatedPlace;
  modifie_par: string | null;
  modifie_le: string | null;
}

/** An ApiError that also carries the API's per-field messages and the 409 payload. */
export class AdminApiError extends ApiError {
  readonly fields: { path: string; message: string }[];
  readonly current: StaleVersion | null;

  constructor(base: ApiError, fields: { path: string; message: string }[], current: StaleVersion | null) {
    super(base.status, base.code, base.message);
    this.fields = fields;
    this.current = current;
  }
}

async function adminError(res: Response): Promise<AdminApiError> {
  let body: unknown = null;
  try {
    body = await res.clone().json();
  } catch {
    // errorFromResponse handles a non-JSON answer.
  }
  const base = await errorFromResponse(res);
  const b = (body ?? {}) as { fields?: unknown; current?: unknown };
  const fields = Array.isArray(b.fields)
    ? b.fields.filter(
        (f): f is { path: string; message: string } =>
          !!f && typeof f === 'object' && typeof f.path === 'string' && typeof f.message === 'string',
      )
    : [];
  const current = b.current && typeof b.current === 'object' ? (b.current as StaleVersion) : null;
  return new AdminApiError(base, fields, current);
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  csrf?: string;
  ifMatch?: number;
  lang: Lang;
  signal?: AbortSignal;
}

/** Same-origin request with the session cookie; every write carries the CSRF token. */
export async function adminRequest<T>(path: string, o: RequestOptions): Promise<T> {
  const method = o.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // Every write is JSON, even without a body: the API refuses form-like posts (CSRF guard).
  if (method !== 'GET') headers['Content-Type'] = 'application/json';
  if (o.csrf) headers['X-CSRF-Token'] = o.csrf;
  if (o.ifMatch !== undefined) headers['If-Match'] = String(o.ifMatch);
  let res: Response;
  try {
    // Paths may carry their own query ("api/signalements?statut=ouvert"); the language joins it.
    const [route = '', query] = path.split('?');
    res = await fetch(apiUrl(route, { ...Object.fromEntries(new URLSearchParams(query)), lang: o.lang }), {
      method,
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(o.body ?? {}),
      credentials: 'same-origin',
      signal: o.signal,
    });
  } catch (e) {
    if (o.signal?.aborted) throw e;
    throw new ApiError(0, NETWORK_ERROR_CODE, '');
  }
  if (!res.ok) throw await adminError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** `GET /api/auth/me`: null when nobody is signed in. */
export async function fetchSession(lang: Lang, signal?: AbortSignal): Promise<Session | null> {
  try {
    return await adminRequest<Session>('api/auth/me', { lang, signal });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export const isStale = (e: unknown): e is AdminApiError & { current: StaleVersion } =>
  e instanceof AdminApiError && e.status === 409 && e.current !== null;
