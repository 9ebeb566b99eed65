import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

// The API process serves dist/ and /api; during development Vite serves the app and forwards /api.
const API = 'http://127.0.0.1:8080';

/**
 * Emits sw.js with the first screen's files (the entry chunk, what it imports statically, their
 * CSS, and index.html) for precaching. Lazy chunks are cached when first used instead: precaching
 * the map's 1 MB on a first visit would cost a metered connection what it may never need.
 */
function serviceWorker(): Plugin {
  return {
    name: 'reperes-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = new Set<string>(['index.html']);
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || chunk.type !== 'chunk' || files.has(fileName)) return;
        files.add(fileName);
        chunk.viteMetadata?.importedCss.forEach((css) => files.add(css));
        chunk.imports.forEach(visit);
      };
      Object.values(bundle).forEach((c) => c.type === 'chunk' && c.isEntry && visit(c.fileName));
      const manifest = [...files].sort();
      const version = createHash('sha256').update(manifest.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(new URL('./sw/service-worker.js', import.meta.url), 'utf8')
        .replace('self.__PRECACHE_MANIFEST__', JSON.stringify(manifest))
        .replace('self.__PRECACHE_VERSION__', JSON.stringify(version));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker()],
  server: { proxy: { '/api': API } },
  preview: { proxy: { '/api': API } },
  build: {
    target: 'es2022',
    // maplibre-gl alone is ~1 MB minified; it lives in its own lazy chunk.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first screen needs in one file: on a 400 ms round trip each extra file
          // costs a connection of its own, its headers, and a share of the bandwidth.
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
});
