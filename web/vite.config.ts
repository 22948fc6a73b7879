/**
 * Builds web/index.html + web/src into dist/web (served at / by the server). `npx vite --config
 * web/vite.config.ts` serves it with /graphql and /export proxied to a server on 127.0.0.1:4000.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const backend = 'http://127.0.0.1:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Cytoscape alone is ~430 kB minified; one chunk keeps the first paint to two requests.
    chunkSizeWarningLimit: 700,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/graphql': backend, '/export': backend },
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
