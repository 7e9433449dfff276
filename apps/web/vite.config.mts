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
    // The workspace libraries by the same entry points as tsconfig.base.json: the browser imports exactly what the
    // server does (both are plain TypeScript with no Temporal or Node imports; lint keeps them so).
    alias: {
      '@dandang/contracts': resolve(root, 'libs/contracts/src/index.ts'),
      '@dandang/domain': resolve(root, 'libs/domain/src/index.ts'),
    },
  },
  build: {
    outDir: resolve(root, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
