import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

// The API process serves dist/ and /api; during development Vite serves the app and forwards /api.
const API = 'http://127.0.0.1:8080';

type Bundle = Parameters<NonNullable<Extract<Plugin['generateBundle'], (...args: never[]) => unknown>>>[1];

/** The app's chunk: imported by the page's small first script, preloaded by index.html from the start. */
const APP_ROOT = '/src/app-root.tsx';

/** A chunk's file, the chunks it imports statically, and their CSS: what must be there before it runs. */
function closure(bundle: Bundle, fileName: string, files = new Set<string>()): Set<string> {
  const chunk = bundle[fileName];
  if (!chunk || chunk.type !== 'chunk' || files.has(fileName)) return files;
  files.add(fileName);
  chunk.viteMetadata?.importedCss.forEach((css) => files.add(css));
  chunk.imports.forEach((f) => closure(bundle, f, files));
  return files;
}

const appRootChunk = (bundle: Bundle) =>
  Object.values(bundle).find((c) => c.type === 'chunk' && c.moduleIds.some((id) => id.endsWith(APP_ROOT)))?.fileName;

/** The first script's files, which Vite links from index.html itself. */
function firstScreenEntry(bundle: Bundle): Set<string> {
  const files = new Set<string>();
  Object.values(bundle).forEach((c) => c.type === 'chunk' && c.isEntry && closure(bundle, c.fileName, files));
  return files;
}

/** Everything the first screen runs: the first script's files and the app's. */
function firstScreen(bundle: Bundle): Set<string> {
  const files = firstScreenEntry(bundle);
  const app = appRootChunk(bundle);
  if (app) closure(bundle, app, files);
  return files;
}

// Between these comments in index.html: the first screen drawn by the page itself (see there).
const SHELL = /<!--\s*shell:start[\s\S]*?shell:end\s*-->/;

/**
 * The app's code is loaded by a dynamic import from the first script, so that the search field
 * in the page works before it arrives; index.html asks for that code and its CSS from the start,
 * in parallel, instead of after the first script has run (a 400 ms round trip more on a weak
 * connection). app.html is the page without the home's first screen, for every other path.
 */
function preloadApp(): Plugin {
  return {
    name: 'reperes-preload-app',
    apply: 'build',
    // After Vite's own HTML plugin, which writes index.html into the bundle.
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return;
        const app = appRootChunk(ctx.bundle);
        if (!app) throw new Error(`${APP_ROOT} is in no chunk`);
        const inPage = firstScreenEntry(ctx.bundle);
        return [...closure(ctx.bundle, app)].filter((file) => !inPage.has(file)).map((file) => ({
          tag: 'link',
          attrs: file.endsWith('.css') ? { rel: 'stylesheet', crossorigin: true, href: `/${file}` } : { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (!index || index.type !== 'asset' || !SHELL.test(String(index.source))) throw new Error('index.html has no shell block');
      this.emitFile({ type: 'asset', fileName: 'app.html', source: String(index.source).replace(SHELL, '') });
    },
  };
}

/**
 * Emits sw.js with the first screen's files (the first script, the app's chunk, what they import
 * statically, their CSS, index.html and app.html) for precaching. Lazy chunks are cached when
 * first used instead: precaching the map's 1 MB on a first visit would cost a metered connection
 * what it may never need.
 */
function serviceWorker(): Plugin {
  return {
    name: 'reperes-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const manifest = ['index.html', 'app.html', ...firstScreen(bundle)].sort();
      const version = createHash('sha256').update(manifest.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(new URL('./sw/service-worker.js', import.meta.url), 'utf8')
        .replace('self.__PRECACHE_MANIFEST__', JSON.stringify(manifest))
        .replace('self.__PRECACHE_VERSION__', JSON.stringify(version));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadApp(), serviceWorker()],
  server: { proxy: { '/api': API } },
  preview: { proxy: { '/api': API } },
  build: {
    target: 'es2022',
    // maplibre-gl alone is ~1 MB minified; it lives in its own lazy chunk.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Two files for the first screen: the small first script (whatever the page's search
          // field needs) and the app with everything it imports statically, in one file, since
          // each file costs a request, its headers, and a share of a weak connection's bandwidth.
          groups: [
            { name: 'index', tags: ['$initial'], priority: 2 },
            // Rolldown's own helpers (CommonJS interop for React) are the app's first need too.
            { name: 'app', test: (id) => id.endsWith(APP_ROOT) || id.includes('rolldown/runtime'), priority: 1 },
          ],
        },
      },
    },
  },
});
