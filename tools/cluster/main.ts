/**
 * `npm run start:cluster`: the production path on this machine (tools/cluster/cluster.ts): PostgreSQL, a Temporal
 * cluster on it, two workers and two API processes configured as a deployment configures them. State in
 * DANDANG_CLUSTER_DIR (default `<repo>/.data/cluster`); Ctrl-C stops the APIs, the workers, Temporal, PostgreSQL.
 *
 * As tools/start.ts: this launcher runs the supervisor in a process group of its own and forwards signals, so that a
 * Ctrl-C does not reach PostgreSQL at the same moment as the services that use it.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { DEMO_PASSWORD } from '@dandang/persistence';
import { startCluster } from './cluster';

const SUPERVISOR_ENV = 'DANDANG_CLUSTER_SUPERVISOR';
const ROOT = join(__dirname, '..', '..', '..');
const DIST = join(ROOT, 'dist');

const say = (line: string) => process.stdout.write(`[cluster] ${line}\n`);

function launch(): void {
  const supervisor = spawn(process.execPath, [...process.execArgv, __filename], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, [SUPERVISOR_ENV]: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (supervisor.exitCode === null && supervisor.signalCode === null) supervisor.kill(signal);
    });
  }
  supervisor.once('exit', (code, signal) => {
    try {
      process.kill(-supervisor.pid!, 'SIGTERM'); // Anything left in its group (an interrupted go install).
    } catch {
      // Nothing left.
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
}

async function supervise(): Promise<void> {
  const given = process.env['DANDANG_CLUSTER_DIR'];
  const dataDir = given ? (isAbsolute(given) ? given : resolve(given)) : join(ROOT, '.data', 'cluster');
  const starting = startCluster({
    root: ROOT,
    dataDir,
    scripts: {
      api: join(DIST, 'apps', 'api', 'src', 'main.js'),
      worker: join(DIST, 'apps', 'worker', 'src', 'main.js'),
      migrate: join(DIST, 'apps', 'api', 'src', 'migrate.js'),
      postgresHost: join(DIST, 'libs', 'embedded-services', 'src', 'postgres-host.js'),
      workflowBundle: join(DIST, 'workflows', 'workflow-bundle.js'),
    },
    apiPorts: [3000, 3001],
    demoData: true,
    log: say,
    echo: process.stdout,
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping: APIs, workers, Temporal, PostgreSQL…');
    // A signal during the start waits for it: a failed start has cleaned up by itself, a finished one is stopped.
    const started = await starting.catch(() => undefined);
    await started?.stop().catch((e: unknown) => console.error(e));
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
  const cluster = await starting;
  // What `npm run verify` (or any tool) needs to reach this cluster as its workers do: `set -a; . <file>; set +a`.
  const envFile = join(dataDir, 'worker.env');
  const deployment = Object.entries(cluster.env.workers[0]).filter(([k]) => k !== 'PATH' && k !== 'NODE_PATH' && !k.startsWith('MALLOC_'));
  writeFileSync(envFile, deployment.map(([k, v]) => `${k}='${v}'\n`).join(''), { mode: 0o600 });
  const exits = setInterval(() => {
    const gone = cluster.unexpectedExits.splice(0);
    for (const g of gone) say(`a process ended by itself: ${g.split('\n')[0]} (logs in ${join(dataDir, 'logs')})`);
  }, 1_000);
  exits.unref();
  say(
    [
      'Dandang is running in the cluster profile (NODE_ENV=production, external services):',
      ...cluster.apiUrls.map((u, i) => `  API ${i + 1}: ${u}/api  (web app at ${u}/)`),
      `  Temporal frontend: ${cluster.temporalAddress}, namespace ${cluster.namespace}, task queue ${cluster.taskQueue}`,
      `  workers: ${cluster.workers.length}; logs in ${join(dataDir, 'logs')}`,
      `  demo accounts (e.g. intake1, officer1, supervisor1, admin1), password ${DEMO_PASSWORD}`,
      `  npm run verify against it: set -a; . ${envFile}; set +a; npm run verify`,
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
}

if (process.env[SUPERVISOR_ENV]) {
  supervise().catch((e: unknown) => {
    console.error(`[cluster] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
} else {
  launch();
}
