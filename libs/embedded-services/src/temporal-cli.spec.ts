import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOnPath, locateTemporalCli, temporalCliCacheDir, TEMPORAL_CLI_VERSION, type CliLocation } from './temporal-cli';

const VERSION_LINE = 'temporal version 1.5.1 (Server 1.29.1, UI 2.42.1)';

/** A machine made of a set of files and the programs that answer: nothing is run, nothing is built. */
function machine(files: string[], programs: Record<string, string | Error> = {}) {
  const present = new Set(files);
  const calls: { file: string; args: readonly string[]; env: NodeJS.ProcessEnv }[] = [];
  const exec: NonNullable<CliLocation['exec']> = async (file, args, options) => {
    calls.push({ file, args, env: options.env });
    // Answered by the whole command line, else by the program and its first argument, else by the program.
    const answer = programs[`${file} ${args.join(' ')}`] ?? programs[`${file} ${args[0]}`] ?? programs[file];
    if (answer === undefined) throw Object.assign(new Error(`spawn ${file} ENOENT`), { code: 'ENOENT' });
    if (answer instanceof Error) throw answer;
    if (file === 'go' && args[0] === 'install') present.add(join(options.env['GOBIN']!, 'temporal'));
    return { stdout: answer };
  };
  return { io: { exists: (path: string) => present.has(path), exec }, calls };
}

const CACHE_HOME = '/home/dev/.cache';
const cached = join(CACHE_HOME, 'dandang', `temporal-cli-${TEMPORAL_CLI_VERSION}`, 'temporal');
const baseEnv = { XDG_CACHE_HOME: CACHE_HOME, PATH: '/usr/local/bin:/usr/bin' };

describe('locateTemporalCli', () => {
  it('takes TEMPORAL_CLI_PATH before anything else, without running it', async () => {
    const m = machine(['/opt/temporal', '/usr/local/bin/temporal', cached], { '/usr/local/bin/temporal': VERSION_LINE });
    await expect(locateTemporalCli({ env: { ...baseEnv, TEMPORAL_CLI_PATH: '/opt/temporal' }, ...m.io })).resolves.toBe('/opt/temporal');
    expect(m.calls).toEqual([]);
  });

  it('refuses a TEMPORAL_CLI_PATH that names no file rather than falling back', async () => {
    const m = machine(['/usr/local/bin/temporal'], { '/usr/local/bin/temporal': VERSION_LINE });
    await expect(locateTemporalCli({ env: { ...baseEnv, TEMPORAL_CLI_PATH: '/opt/missing' }, ...m.io })).rejects.toThrow(/TEMPORAL_CLI_PATH/);
  });

  it('takes a temporal on PATH that answers --version, before the cache', async () => {
    const m = machine(['/usr/bin/temporal', cached], { '/usr/bin/temporal --version': `${VERSION_LINE}\n` });
    const log: string[] = [];
    await expect(locateTemporalCli({ env: baseEnv, log: (l) => log.push(l), ...m.io })).resolves.toBe('/usr/bin/temporal');
    expect(m.calls.map((c) => [c.file, ...c.args])).toEqual([['/usr/bin/temporal', '--version']]);
    expect(log).toEqual([`Using the Temporal CLI on PATH: /usr/bin/temporal (${VERSION_LINE})`]);
  });

  it('passes over a temporal on PATH that fails or is another program, to the cache', async () => {
    for (const answer of [new Error('exit code 1'), 'Temporal: a date library 0.3\n']) {
      const m = machine(['/usr/local/bin/temporal', cached], { '/usr/local/bin/temporal': answer });
      await expect(locateTemporalCli({ env: baseEnv, ...m.io })).resolves.toBe(cached);
      expect(m.calls.some((c) => c.file === 'go')).toBe(false);
    }
  });

  it('takes the cache when nothing is on PATH, and builds nothing', async () => {
    const m = machine([cached], { go: 'go version go1.24.0 linux/amd64' });
    await expect(locateTemporalCli({ env: baseEnv, ...m.io })).resolves.toBe(cached);
    expect(m.calls).toEqual([]);
  });

  it('builds with go install into the cache only when there is neither a CLI on PATH nor a cached one', async () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'dandang-cli-spec-'));
    try {
      const env = { ...baseEnv, XDG_CACHE_HOME: cacheHome };
      const dir = temporalCliCacheDir(env);
      const m = machine([], { 'go version': 'go version go1.24.0 linux/amd64', 'go install': '' });
      await expect(locateTemporalCli({ env, ...m.io })).resolves.toBe(join(dir, 'temporal'));
      const install = m.calls.find((c) => c.file === 'go' && c.args[0] === 'install')!;
      expect(install.args).toEqual(['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`]);
      expect(install.env).toMatchObject({ GOBIN: dir, CGO_ENABLED: '0' });
    } finally {
      rmSync(cacheHome, { recursive: true, force: true });
    }
  });

  it('returns undefined without Go, for @temporalio/testing to download the CLI', async () => {
    const m = machine([]);
    await expect(locateTemporalCli({ env: baseEnv, ...m.io })).resolves.toBeUndefined();
  });
});

describe('findOnPath', () => {
  it('returns the first match in PATH order, skipping empty and relative entries', () => {
    const exists = (p: string) => ['bin/temporal', '/b/temporal', '/c/temporal'].includes(p);
    expect(findOnPath('temporal', { PATH: ':bin:/a:/b:/c' }, exists)).toBe('/b/temporal');
    expect(findOnPath('temporal', {}, exists)).toBeUndefined();
  });
});
