import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface BuildLockOptions {
  /** How long to wait for another process's build before giving up. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

function holderAlive(lockFile: string): boolean {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (!pid) return true; // Being written right now.
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive but not ours. ENOENT: gone meanwhile (the caller retries).
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `build` while holding `lockFile` (created exclusively, holding our pid), so that two processes on one machine
 * (two Jest workers, `npm run start:cluster` beside a test) never run the same `go install` into the same cache at
 * once. A lock whose process has died is taken over. Callers check again for the result after taking the lock.
 */
export async function withBuildLock<T>(lockFile: string, build: () => Promise<T>, { timeoutMs = 900_000, log = () => undefined }: BuildLockOptions = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (!holderAlive(lockFile)) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${lockFile} is still held by another build after ${timeoutMs / 1000} s`);
    if (!told) log(`waiting for another process's build (lock ${lockFile})…`);
    told = true;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  try {
    return await build();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
