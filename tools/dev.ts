/**
 * `npm run dev`: the system as `npm start` runs it (embedded Temporal and PostgreSQL unless configured otherwise, the
 * worker, the API), rebuilt and restarted as sources are saved, with the web app from Vite's dev server (hot reload,
 * `/api` proxied to the API).
 *
 * - The sources of the API, the worker and their libraries are watched. A batch of saved files is compiled by swc into
 *   dist/ with the .swcrc `npm run build` uses; when workflow code or a library bundled with it changed, the workflow
 *   bundle is rebuilt. Then the API and/or the worker restart once (tools/start/watch.ts), never on half-written code.
 * - Changes under tools/ are compiled, but the running start tool is not reloaded: restart `npm run dev` for those.
 * - The worker restarted on changed workflow code replays open cases against it: a change that alters their commands
 *   fails them with a nondeterminism error (workflows/README.md). Delete the data folder to start over.
 *
 * Ctrl-C stops Vite, then the start tool stops the API, the worker, Temporal and PostgreSQL in that order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';
import { ConfigError } from '@dandang/config';
import { readStartOptions, StartOptionError } from './start/options';
import { requestRestart, type WatchedService } from './start/watch';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
/** Folders whose TypeScript ends up in dist/ for the API, the worker or the tools (apps/web is Vite's). */
const WATCHED = ['apps/api', 'apps/worker', 'libs', 'workflows', 'activities', 'tools'];
/** What the workflow bundle is made of: workflows/ and the libraries it imports (libs/worker-runtime/src/workflow-bundle.ts). */
const BUNDLED = ['workflows/', 'libs/contracts/', 'libs/domain/', 'libs/workflow-messages/'];
/** Saved files are gathered this long before a batch is compiled: an editor's save or a branch switch is many events. */
const SETTLE_MS = 300;
const SWC = join(ROOT, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');

const say = (line: string) => process.stdout.write(`[dev] ${line}\n`);

/** Runs a Node script to completion with inherited output; rejects on a non-zero exit. */
function runNode(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} ended with ${signal ?? `code ${code}`}`))));
  });
}

const isCompiled = (file: string) => file.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(file) && !file.endsWith('.d.ts');

/** The services that run a file's compiled code. */
function servicesOf(file: string): WatchedService[] {
  if (file.startsWith('apps/api/')) return ['api'];
  if (file.startsWith('apps/worker/') || file.startsWith('activities/') || file.startsWith('workflows/')) return ['worker'];
  if (file.startsWith('libs/')) return ['api', 'worker'];
  return [];
}

class Rebuilder {
  private readonly pending = new Set<string>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  /** A file (relative to the repository, `/`-separated) was saved, created, renamed or deleted. */
  changed(file: string): void {
    if (!isCompiled(file)) return;
    this.pending.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SETTLE_MS);
  }

  private async flush(): Promise<void> {
    if (this.running) return void this.running.then(() => this.flush());
    const files = [...this.pending];
    this.pending.clear();
    if (files.length === 0) return;
    this.running = this.build(files)
      .catch((e) => {
        say(`rebuild failed (${e instanceof Error ? e.message : String(e)}); fix and save again`);
      })
      .finally(() => {
        this.running = undefined;
      });
    await this.running;
  }

  private async build(files: string[]): Promise<void> {
    const present = files.filter((f) => existsSync(join(ROOT, f)));
    for (const gone of files.filter((f) => !present.includes(f))) {
      const out = join(DIST, gone.replace(/\.ts$/, '.js'));
      rmSync(out, { force: true });
      rmSync(`${out}.map`, { force: true });
    }
    say(`${files.length === 1 ? files[0] : `${files.length} files`} changed: compiling…`);
    if (present.length > 0) await runNode([SWC, ...present, '-d', 'dist', '--quiet']);
    if (files.some((f) => BUNDLED.some((prefix) => f.startsWith(prefix)))) await runNode([join(DIST, 'tools', 'bundle-workflows.js')]);
    const services = new Set(files.flatMap(servicesOf));
    for (const service of services) requestRestart(ROOT, service);
    if (services.size > 0) say(`restarting the ${[...services].join(' and the ')}`);
    if (files.some((f) => f.startsWith('tools/'))) say('tools/ changed: restart `npm run dev` for the start tool to use it');
  }
}

function watchSources(rebuilder: Rebuilder): FSWatcher[] {
  return WATCHED.map((dir) =>
    watch(join(ROOT, dir), { recursive: true }, (_event, name) => {
      if (name) rebuilder.changed(`${dir}/${String(name).split(sep).join('/')}`);
    }),
  );
}

/** Vite's dev server in this process, proxying `/api` to the API's actual port (the config file assumes 3000). */
async function startWeb(apiPort: number): Promise<{ url?: string; close(): Promise<void> }> {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: join(ROOT, 'apps', 'web', 'vite.config.mts'),
    clearScreen: false,
    server: { proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) server.printUrls();
  return { url, close: () => server.close() };
}

/** `npm start -- --watch`, in a process group of its own: the signals it gets are the ones forwarded here, once. */
function startSystem(webUrl: string | undefined): ChildProcess {
  const args = [join(DIST, 'tools', 'start.js'), '--watch', ...(webUrl ? [`--web-url=${webUrl}`] : [])];
  return spawn(process.execPath, args, { cwd: ROOT, detached: true, stdio: 'inherit' });
}

/** The API's port, for Vite's proxy; a bad configuration stops here with the start tool's own message. */
function apiPort(): number {
  try {
    return readStartOptions(ROOT).port;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof StartOptionError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

async function main(): Promise<void> {
  const port = apiPort();
  say('bundling the workflows…');
  await runNode([join(DIST, 'tools', 'bundle-workflows.js')]);
  const rebuilder = new Rebuilder();
  const watchers = watchSources(rebuilder);
  const web = await startWeb(port);
  const system = startSystem(web.url);
  say(`watching ${WATCHED.join(', ')} to rebuild and restart; web app by Vite at ${web.url ?? '(above)'}`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const w of watchers) w.close();
    const running = system.exitCode === null && system.signalCode === null;
    const exited = running ? new Promise((resolve) => system.once('exit', resolve)) : Promise.resolve();
    if (running) system.kill('SIGINT');
    await web.close();
    await exited;
    process.exit(code);
  };
  // A second Ctrl-C goes on to the start tool, which then kills the API and the worker without waiting for them.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => (stopping ? void system.kill(signal) : void stop(0)));
  }
  system.once('exit', (code, signal) => {
    if (!stopping) say(`the start tool ended (${signal ?? `code ${code}`}); stopping`);
    void stop(code ?? 1);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
