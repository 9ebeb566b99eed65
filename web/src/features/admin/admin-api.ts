import type { StaleVersion } from '@reperes/api/contract/coordination.ts';
import type { Lang } from '../../i18n/lang';
import { ApiError, apiRequest, apiUrl } from '../../lib/api';

// The shapes of the coordinators' API are the API's own contract (api/src/contract/coordination.ts).
export type {
  Account, CoordinatedPlace, Freshness, FreshnessPlace, HistoryEntry, LieuValues, Motif, PendingInvitation, Report, Role, Session, StaleVersion,
  Tranche, User,
} from '@reperes/api/contract/coordination.ts';
import type { Session } from '@reperes/api/contract/coordination.ts';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  csrf?: string;
  ifMatch?: number;
  lang: Lang;
  signal?: AbortSignal;
}

/** Same-origin request with the session cookie; every write carries the CSRF token. */
export function adminRequest<T>(path: string, o: RequestOptions): Promise<T> {
  const method = o.method ?? 'GET';
  const headers: Record<string, string> = {};
  // Every write is JSON, even without a body: the API refuses form-like posts (CSRF guard).
  if (method !== 'GET') headers['Content-Type'] = 'application/json';
  if (o.csrf) headers['X-CSRF-Token'] = o.csrf;
  if (o.ifMatch !== undefined) headers['If-Match'] = String(o.ifMatch);
  // Paths may carry their own query ("api/signalements?statut=ouvert"); the language joins it.
  const [route = '', query] = path.split('?');
  return apiRequest<T>(apiUrl(route, { ...Object.fromEntries(new URLSearchParams(query)), lang: o.lang }), {
    method,
    headers,
    body: method === 'GET' ? undefined : JSON.stringify(o.body ?? {}),
    credentials: 'same-origin',
    signal: o.signal,
  });
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

export const isStale = (e: unknown): e is ApiError & { current: StaleVersion } =>
  e instanceof ApiError && e.status === 409 && e.current !== null;
