import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/client.ts';
import { clustersRoutes } from './features/map/clusters.routes.ts';
import { communesRoutes } from './features/communes/communes.routes.ts';
import { exportRoutes } from './features/export/export.routes.ts';
import { importsRoutes } from './features/imports/imports.routes.ts';
import { openapiRoutes } from './features/openapi/openapi.routes.ts';
import { publicReads } from './features/openapi/public-reads.ts';
import { adminRoutes } from './features/admin/admin.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { createAuth } from './features/auth/session.ts';
import { coordinationRoutes } from './features/coordination/coordination.routes.ts';
import { editionRoutes } from './features/edition/edition.routes.ts';
import { createPlaceQueries } from './features/edition/places.queries.ts';
import { signalementsRoutes } from './features/reports/reports.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { lieuxRoutes } from './features/lieux/lieux.routes.ts';
import { servicesRoutes } from './features/services/services.routes.ts';
import { ApiError, onError } from './http/errors.ts';
import { webApp } from './http/static.ts';
import { createStoreAccess } from './store.ts';

/**
 * `now` lets tests move the clock (session and invitation expiry, freshness). `warm` loads the
 * place index and reads every opening-hours value in the background at start, so that the first
 * visitor's "open now" search does not pay for it (seconds on a small machine).
 */
export type AppOptions = { db: Db; webRoot?: string; now?: () => number; warm?: boolean };

// Everything the app needs is on its own origin: the map tiles, glyphs, scripts and styles.
const documentHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    imgSrc: ["'self'", 'data:', 'blob:'],
    styleSrc: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
  referrerPolicy: 'no-referrer',
});

/**
 * Data, styles and scripts loaded by a page are not documents: the page's own policy governs
 * them, and the headers only a document reads (about 600 bytes) would weigh on each of the many
 * requests of a weak connection. Opened on their own, they still run nothing and frame nowhere.
 */
const resourceHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  strictTransportSecurity: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/**
 * Pages, and scripts that run as workers (the service worker, MapLibre's .mjs worker), which
 * take their policy from their own response.
 */
const isDocument = (path: string) =>
  !(path.startsWith('/api/') && path !== '/api/docs') && !(path.startsWith('/assets/') && !path.endsWith('.mjs')) && !path.startsWith('/basemap/');

/** Builds the whole application without listening, so tests can call `app.request()`. */
export function createApp({ db, webRoot, now = Date.now, warm = false }: AppOptions) {
  const stores = createStoreAccess(db);
  if (warm) setImmediate(() => void stores.tryLoad()?.index.warmHours());
  const co = { auth: createAuth(db, now), places: createPlaceQueries(db), stores };

  const api = new Hono()
    .route('/health', healthRoutes(stores))
    .route('/services', servicesRoutes(stores))
    .route('/lieux', lieuxRoutes(stores, now))
    .route('/lieux', editionRoutes(co))
    .route('/', signalementsRoutes(co))
    .route('/auth', authRoutes(co.auth))
    .route('/admin', adminRoutes(co.auth, db))
    .route('/coordination', coordinationRoutes(co))
    .route('/clusters', clustersRoutes(stores))
    .route('/communes', communesRoutes(db))
    .route('/export', exportRoutes(stores))
    .route('/imports', importsRoutes(co))
    .route('/', openapiRoutes())
    .all('*', () => {
      throw new ApiError(404, 'route_introuvable');
    });

  const app = new Hono();
  app.onError(onError);
  app.use('*', (c, next) => (isDocument(c.req.path) ? documentHeaders : resourceHeaders)(c, next));
  // Open data: CORS for every origin, ETag and short cache, and a rate limit (REPERES_RATE_LIMIT per minute).
  app.use('/api/*', publicReads({ answersAt: now, generation: () => stores.generation() }));
  // Refuses form posts from other sites; JSON writes are covered by the session's X-CSRF-Token.
  app.use('/api/*', csrf());
  app.route('/api', api);
  if (webRoot) for (const handler of webApp(webRoot)) app.use('*', handler);
  return app;
}

