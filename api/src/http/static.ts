import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { existsSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/**
 * Serves the built web app. Precompressed .br/.gz siblings are written at build time, so no CPU
 * is spent compressing per request; the basemap's .pmtiles is read by byte ranges (206).
 */
export function webApp(root: string): MiddlewareHandler[] {
  const files = serveStatic({
    root,
    precompressed: true,
    onFound: (path, c) => {
      // Vite fingerprints everything under assets/, so those never change for a given URL.
      const immutable = path.includes(`${sep}assets${sep}`);
      c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // serveStatic refuses percent-encoded paths; the glyph folders are named "Noto Sans Regular".
  const glyphs: MiddlewareHandler = async (c, next) => {
    if (!c.req.path.startsWith('/basemap/fonts/') || !c.req.path.includes('%')) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    const full = normalize(join(root, decoded));
    if (!full.startsWith(join(root, 'basemap', 'fonts') + sep) || !existsSync(full)) return next();
    return serveStatic({ path: full, precompressed: true })(c, next);
  };
  // Client-side routes (/lieux/…) get the app without the home's first screen (index.html has it).
  const shell = serveStatic({ path: join(root, 'app.html'), precompressed: true, onFound: (_p, c) => {
    c.header('Cache-Control', 'no-cache');
  } });
  return [glyphs, files, shell];
}
