import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/**
 * The officers' web application. It builds to dist/web (outside dist/apps, which swc owns), and the API
 * serves it at its own address (apps/api/src/create-api-app.ts); `vite dev` proxies /api to a running API.
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: {
    // Only the pure contracts: index.ts also exports Temporal message definitions.
    alias: { '@dandang/contracts': resolve(root, 'libs/contracts/src/browser.ts') },
  },
  build: {
    outDir: resolve(root, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
