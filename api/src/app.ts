import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/client.ts';
import { clustersRoutes } from './features/carte/clusters.routes.ts';
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
import { signalementsRoutes } from './features/signalements/signalements.routes.ts';
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
  app.use(
    '*',
    secureHeaders({
      // Everything the app needs is on its own origin: the map tiles, glyphs, scripts and styles.
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
    }),
  );
  // Open data: CORS for every origin, ETag and short cache, and a rate limit (REPERES_RATE_LIMIT per minute).
  app.use('/api/*', publicReads({ answersAt: now, generation: () => stores.generation() }));
  // Refuses form posts from other sites; JSON writes are covered by the session's X-CSRF-Token.
  app.use('/api/*', csrf());
  app.route('/api', api);
  if (webRoot) for (const handler of webApp(webRoot)) app.use('*', handler);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
