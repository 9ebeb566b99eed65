import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API process serves dist/ and /api; during development Vite serves the app and forwards /api.
const API = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': API } },
  preview: { proxy: { '/api': API } },
  build: {
    target: 'es2022',
    // maplibre-gl alone is ~1 MB minified; it lives in its own lazy chunk.
    chunkSizeWarningLimit: 1200,
  },
});
