import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Watch mode (`npm start -- --watch`, which `npm run dev` uses): the API and the worker run under `node --watch-path`
 * on a stamp file each instead of on their compiled code. tools/dev.ts touches a stamp once a batch of saved files is
 * compiled (and the workflow bundle rebuilt), so each service restarts once per batch, with all of its code written,
 * not once per file swc emits.
 */
export type WatchedService = 'api' | 'worker';

export function restartStamp(root: string, service: WatchedService): string {
  return join(root, 'dist', '.dev', `${service}.restart`);
}

/** Node flags that restart `service` whenever its stamp changes (the stamp must exist before node starts). */
export function watchFlags(root: string, service: WatchedService): string[] {
  const stamp = restartStamp(root, service);
  if (!existsSync(stamp)) {
    mkdirSync(dirname(stamp), { recursive: true });
    writeFileSync(stamp, '');
  }
  // Keep the terminal: the other services' output scrolls on while one restarts.
  return [`--watch-path=${stamp}`, '--watch-preserve-output'];
}

/** Restarts the service if it runs in watch mode (nothing happens otherwise). */
export function requestRestart(root: string, service: WatchedService): void {
  const stamp = restartStamp(root, service);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}
