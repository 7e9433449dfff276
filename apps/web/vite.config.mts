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
    alias: {
      // Only the pure contracts: index.ts also exports Temporal message definitions.
      '@dandang/contracts': resolve(root, 'libs/contracts/src/browser.ts'),
      // From the domain only the fault-tolerance recommendation, the very function the server runs.
      '@dandang/domain': resolve(root, 'libs/domain/src/fault-tolerance/assessment.ts'),
      // browser.ts re-exports the review steps' specs, whose module also defines their Temporal Updates:
      // in the browser those definitions are inert names (src/shims/temporal-workflow.ts).
      '@temporalio/workflow': resolve(here, 'src/shims/temporal-workflow.ts'),
    },
  },
  build: {
    outDir: resolve(root, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
