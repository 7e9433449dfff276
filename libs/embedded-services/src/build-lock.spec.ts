import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withBuildLock } from './build-lock';
import { temporalServerCacheDir } from './temporal-server';

describe('withBuildLock (one go install into a cache at a time)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'build-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs two builds one after the other, never at once, and removes the lock', async () => {
    const lock = join(dir, 'cache.lock');
    const log: string[] = [];
    const build = (name: string) => async () => {
      log.push(`${name} start`);
      await new Promise((r) => setTimeout(r, 50));
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([withBuildLock(lock, build('a')), withBuildLock(lock, build('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const lock = join(dir, 'cache.lock');
    writeFileSync(lock, '2147483646'); // no such process
    await expect(withBuildLock(lock, async () => 'built')).resolves.toBe('built');
  });

  it('gives up with the lock named when another build holds it too long', async () => {
    const lock = join(dir, 'cache.lock');
    writeFileSync(lock, String(process.pid));
    await expect(withBuildLock(lock, async () => 'built', { timeoutMs: 100 })).rejects.toThrow(lock);
  });

  it('keeps the Temporal server beside the CLI, outside the repository', () => {
    expect(temporalServerCacheDir({ XDG_CACHE_HOME: '/cache' })).toBe('/cache/dandang/temporal-server-v1.29.1');
  });
});
