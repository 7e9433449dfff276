import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { defineSearchAttributeKey } from '@temporalio/common';
import { SEARCH_ATTRIBUTES } from '@dandang/contracts';
import { freePort } from './free-port';
import { locateTemporalCli } from './temporal-cli';

export interface DevServerOptions {
  /** SQLite file that keeps the server's state across restarts. */
  dbFile: string;
  port?: number;
  /** Web UI port; omit to run headless. */
  uiPort?: number;
  namespace?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface RunningDevServer {
  address: string;
  namespace: string;
  uiUrl?: string;
  binary?: string;
  /** Shuts the server down in order (SIGTERM). */
  stop(): Promise<void>;
  /**
   * Kills the server with SIGKILL, as a crash would: nothing is flushed or closed. Start it again on the same
   * `dbFile` and port to recover its state. (A server run by @temporalio/testing is torn down instead.)
   */
  kill(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/** Waits until the frontend answers a real RPC, not merely until the port is open. */
export async function waitForTemporal(address: string, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (e) {
      lastError = e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`Temporal at ${address} did not become ready in ${timeoutMs} ms: ${String(lastError)}`);
}

/**
 * SQLite in write-ahead-log mode with synchronous=NORMAL: a commit no longer waits for fsync, which was the dev
 * server's bottleneck under concurrent Updates. A committed transaction still survives the server being killed (the
 * fault injection SIGKILLs it); only an OS crash or power cut can lose the last ones, acceptable for a development
 * server (production runs Temporal on PostgreSQL: docker-compose.yml).
 */
export const DEV_SERVER_SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=normal'] as const;

/**
 * Dynamic config the dev server runs with, over the CLI's own defaults. The dev server is the busiest process under
 * load, so its CPU per unit of work is what these were judged by (BENCHMARKS.md):
 * - `system.forceSearchAttributesCacheRefreshOnRead=false`: the CLI turns it on so that search attributes added while
 *   the server runs are seen at once; every start, visibility write and history read with search attributes then
 *   reads the namespace and cluster metadata from SQLite again, under one lock. Ours are all registered at start
 *   (`--search-attribute`), before the first workflow, and the server flushes its cache when they are saved
 *   (production's default is off: deploy/temporal/dynamicconfig/production.yaml).
 * Eager activity execution (`system.enableActivityEagerExecution=true`) is off, though it saves an activity task's
 *   round trip per action: with it, browser suites failed in clean-clone CI runs (a page that did not show an
 *   action's result in time). Without it the officers' suite later failed the same way once too, so the cause may not
 *   be eager execution; it stays off until the cause is known (BENCHMARKS.md, known limits).
 */
export const DEV_SERVER_DYNAMIC_CONFIG = ['system.forceSearchAttributesCacheRefreshOnRead=false'] as const;

/** The dev server's storage and dynamic config flags, the same for the CLI we build and the one @temporalio/testing downloads. */
function serverTuningFlags(): string[] {
  return [
    ...DEV_SERVER_SQLITE_PRAGMAS.flatMap((p) => ['--sqlite-pragma', p]),
    ...DEV_SERVER_DYNAMIC_CONFIG.flatMap((v) => ['--dynamic-config-value', v]),
  ];
}

function searchAttributeFlags(): string[] {
  return SEARCH_ATTRIBUTES.flatMap((a) => ['--search-attribute', `${a.name}=${a.type}`]);
}

/** Starts `temporal server start-dev` with its state in `dbFile` and the product's search attributes. */
export async function startTemporalDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const log = options.log ?? (() => undefined);
  const namespace = options.namespace ?? 'default';
  const port = options.port ?? (await freePort());
  mkdirSync(dirname(options.dbFile), { recursive: true });
  const binary = await locateTemporalCli({ env: options.env, log });
  if (!binary) return startDownloadedServer(options, namespace, port, log);

  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--namespace', namespace,
    '--db-filename', options.dbFile,
    ...serverTuningFlags(),
    '--log-level', 'warn',
    ...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']),
    ...searchAttributeFlags(),
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`temporal dev server exited with ${code}:\n${output.join('')}`))),
  );
  exited.catch(() => undefined);
  const address = `127.0.0.1:${port}`;
  await Promise.race([waitForTemporal(address), exited]);
  return {
    address,
    namespace,
    binary,
    uiUrl: options.uiPort ? `http://localhost:${options.uiPort}` : undefined,
    stop: () => stopChild(child),
    kill: () => killChild(child),
  };
}

/** SIGKILL; resolves once the process is gone (its port is then free again). */
export function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Stops a child process: SIGTERM, then SIGKILL if it lingers. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** No Go on this machine: @temporalio/testing downloads the CLI (needs internet). */
async function startDownloadedServer(
  options: DevServerOptions,
  namespace: string,
  port: number,
  log: (line: string) => void,
): Promise<RunningDevServer> {
  log('No Go toolchain found: letting @temporalio/testing download the Temporal CLI…');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: '127.0.0.1',
      port,
      namespace,
      dbFilename: options.dbFile,
      extraArgs: serverTuningFlags(),
      ui: Boolean(options.uiPort),
      uiPort: options.uiPort,
      searchAttributes: SEARCH_ATTRIBUTES.map((a) =>
        defineSearchAttributeKey(a.name, a.type.toUpperCase() as Parameters<typeof defineSearchAttributeKey>[1]),
      ),
    },
  });
  return {
    address: `127.0.0.1:${port}`,
    namespace,
    uiUrl: options.uiPort ? `http://localhost:${options.uiPort}` : undefined,
    stop: () => env.teardown(),
    kill: () => env.teardown(),
  };
}
