import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../http/errors.ts';
import { clientAddress } from '../auth/client-address.ts';

/**
 * The open data routes: readable from any site without a token. Coordinators' routes (auth, admin,
 * coordination, imports, a place's history) are not in this list and keep the same-origin rules.
 */
const PUBLIC_READ = /^\/api\/(?:health|services|clusters|communes|export|openapi\.json|docs|lieux(?:\/[^/]+)?)\/?$/;
export const isPublicRead = (method: string, path: string) => (method === 'GET' || method === 'HEAD') && PUBLIC_READ.test(path);

export const DEFAULT_RATE_LIMIT = 600;
const WINDOW_MS = 60_000;

/** Requests per minute and per address; REPERES_RATE_LIMIT overrides it, 0 turns the limit off. */
export function rateLimitFromEnv(value = process.env.REPERES_RATE_LIMIT): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : DEFAULT_RATE_LIMIT;
}

/**
 * A fixed one-minute window per address: one counter per client, constant work per request. The
 * counters hold addresses for at most two windows and never reach the database.
 */
function rateLimiter(limit: number, now: () => number) {
  let windowStart = now();
  let counts = new Map<string, number>();
  return (key: string): number => {
    const t = now();
    if (t - windowStart >= WINDOW_MS) {
      windowStart = t - ((t - windowStart) % WINDOW_MS);
      counts = new Map();
    }
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n > limit ? Math.max(1, Math.ceil((windowStart + WINDOW_MS - t) / 1000)) : 0;
  };
}

/**
 * Public reads: CORS open to every origin, a rate limit with a clear 429, and an ETag with a short
 * public cache so that repeated reads cost a 304. The export is streamed, so it has no ETag.
 *
 * The ETag names the data and the minute, not the bytes: a public answer changes only when the
 * data does (`generation`) or, for opening states, when the minute turns. Hashing each body
 * instead (hono/etag) cloned and digested every response and cost more than a town query.
 */
export function publicReads(options: {
  limit?: number;
  /** The rate limiter's clock (tests move it). */
  now?: () => number;
  /** The clock the answers are computed at (REPERES_HORLOGE may fix it). */
  answersAt?: () => number;
  generation: () => number;
}): MiddlewareHandler {
  const limit = options.limit ?? rateLimitFromEnv();
  const now = options.now ?? Date.now;
  const over = limit > 0 ? rateLimiter(limit, now) : () => 0;
  return async (c, next) => {
    const path = c.req.path;
    if (c.req.method === 'OPTIONS' && PUBLIC_READ.test(path)) {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Access-Control-Allow-Methods', 'GET, HEAD');
      c.header('Access-Control-Max-Age', '86400');
      return c.body(null, 204);
    }
    if (!isPublicRead(c.req.method, path)) return next();
    // In-process calls (app.request in tests) have no peer address; every request from the network has one.
    const address = clientAddress(c);
    const retryAfter = address === 'inconnue' ? 0 : over(address);
    if (retryAfter > 0) {
      c.header('Retry-After', String(retryAfter));
      c.header('Access-Control-Allow-Origin', '*');
      throw new ApiError(429, 'trop_de_requetes', { secondes: retryAfter });
    }
    const run = async () => {
      await next();
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Access-Control-Expose-Headers', 'ETag, Retry-After, Link, X-Licence, X-Date-Export, Content-Disposition');
      if (c.res.status === 200 && !c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'public, max-age=60');
    };
    if (path.startsWith('/api/export')) return run();
    const etag = `W/"${options.generation()}-${Math.floor((options.answersAt ?? now)() / 60_000)}"`;
    const ifNoneMatch = c.req.header('If-None-Match');
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag)) {
      c.header('ETag', etag);
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cache-Control', 'public, max-age=60');
      return c.body(null, 304);
    }
    await run();
    if (c.res.status === 200) c.header('ETag', etag);
  };
}
