import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/client.ts';
import { clustersRoutes } from './features/carte/clusters.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { lieuxRoutes } from './features/lieux/lieux.routes.ts';
import { servicesRoutes } from './features/services/services.routes.ts';
import { ApiError, onError } from './http/errors.ts';
import { webApp } from './http/static.ts';
import { createStoreAccess } from './store.ts';

export type AppOptions = { db: Db; webRoot?: string };

/** Builds the whole application without listening, so tests can call `app.request()`. */
export function createApp({ db, webRoot }: AppOptions) {
  const stores = createStoreAccess(db);

  const api = new Hono()
    .route('/health', healthRoutes(stores))
    .route('/services', servicesRoutes(stores))
    .route('/lieux', lieuxRoutes(stores))
    .route('/clusters', clustersRoutes(stores))
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
        styleSrc: ["'self'", "'unsafe-inline'"],
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
  app.route('/api', api);
  if (webRoot) for (const handler of webApp(webRoot)) app.use('*', handler);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
