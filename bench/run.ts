/**
 * `npm run bench [-- --quick] [--cases N] [--timer-cases N] [--only PHASE,…]`: the whole system on loopback against a bare Temporal
 * baseline, in a temp folder of its own (its own Temporal dev server and PostgreSQL, the API and worker as child processes). Writes
 * bench/results/<ISO date>.json and appends a Markdown section to BENCHMARKS.md. Never part of `npm test`.
 *
 *   1. baseline: a bare workflow with a case lifecycle's shape (13 Updates, each awaiting a no-op activity)
 *   2. case lifecycles through the HTTP API (autocannon), at the same concurrencies
 *   4. timers: open cases whose deadlines fall within one minute, lateness of their rungs
 *   5. peak RSS of the API and the worker during 2 and 4
 *   3. read model at scale, seeded by SQL (run after the API and worker are stopped, on a quiet machine)
 *   5. `npm start` to healthy, in a fresh data folder
 *
 * `--cases N` seeds N cases for phase 3 instead of the mode's count, `--timer-cases N` registers N for phase 4;
 * `--only read-model` runs phase 3 alone on a PostgreSQL of its own; `--only` with other phases (baseline,
 * lifecycles, timers, startup, comma-separated) runs just those. A partial run writes
 * bench/results/<date>-<phases>.json only (BENCHMARKS.md is left as it is).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { freePort, locateTemporalCli, startEmbeddedPostgres, startTemporalDevServer, type RunningDevServer, type RunningPostgres } from '@dandang/embedded-services';
import { createDataSource, DEMO_PASSWORD, migrate, seedDemoData } from '@dandang/persistence';
import { masterKeysText, newMasterKeys } from '@dandang/sealing';
import { runBaseline } from './phases/baseline';
import { login, runLifecycles, type BenchUser } from './phases/api-lifecycle';
import { runReadModel } from './phases/read-model';
import { runReadModelAlone } from './phases/read-model-alone';
import { runTimers } from './phases/timers';
import { timeStartup } from './phases/startup';
import { CpuMeter, pidWithCommandLine } from './lib/cpu';
import { RssSampler, spawnService, waitFor, type Service } from './lib/processes';
import { markdownSection, verdict } from './lib/report';
import type { BenchResults, Settings } from './lib/results';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');

const USAGE = 'usage: npm run bench -- [--quick] [--cases N] [--timer-cases N] [--only PHASE[,PHASE…]]';
/** Phases `--only` can pick; a partial run writes its JSON but appends nothing to BENCHMARKS.md. */
const PHASES = ['baseline', 'lifecycles', 'timers', 'read-model', 'startup'] as const;
type Phase = (typeof PHASES)[number];

/** The value after `--name` on the command line, if given. */
function optionValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i === -1) return undefined;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
  return value;
}

function settingsFor(quick: boolean, readModelCases?: number, timerCases?: number): Settings {
  const rounds = quick
    ? [{ concurrency: 1, perLoop: 3 }, { concurrency: 8, perLoop: 1 }, { concurrency: 32, perLoop: 1 }]
    : [{ concurrency: 1, perLoop: 10 }, { concurrency: 8, perLoop: 5 }, { concurrency: 32, perLoop: 4 }, { concurrency: 64, perLoop: 3 }];
  const s = {
    mode: quick ? 'quick' : 'full',
    rounds,
    readModelCases: readModelCases ?? (quick ? 100_000 : 1_000_000),
    queryRepeats: quick ? 30 : 100,
    timerCases: timerCases ?? (quick ? 500 : 5_000),
    timerBatch: 100,
    registrationConcurrency: 8,
  } as const;
  return {
    ...s,
    rounds,
    description:
      `${s.mode} mode; lifecycles per concurrency ${rounds.map((r) => `${r.concurrency}×${r.perLoop}`).join(', ')} (concurrent × sequential, same for baseline and API, after one warm-up lifecycle each); ` +
      `read model ${s.readModelCases.toLocaleString('en')} cases, ${s.queryRepeats} runs per query; timers ${s.timerCases} cases registered ${s.registrationConcurrency} at a time in batches of ${s.timerBatch}; ` +
      'dev server with SQLite state, embedded PostgreSQL 18 with default settings (max_connections=200), API and worker as separate Node processes with default pool sizes.',
  };
}

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

async function temporalServerVersion(): Promise<string> {
  const cli = await locateTemporalCli();
  if (!cli) return '?';
  const text = execFileSync(cli, ['--version']).toString();
  return /Server ([\d.]+)/.exec(text)?.[1] ?? text.trim();
}

function waitForHealth(baseUrl: string): Promise<true> {
  return waitFor(
    async () => {
      const res = await fetch(`${baseUrl}/api/health`);
      return res.status === 200 ? true : undefined;
    },
    60_000,
    'the API to be healthy',
  );
}

/** Phase 3 alone: its figures and plans in a JSON file of their own, nothing appended to BENCHMARKS.md. */
async function readModelOnly(settings: Settings): Promise<void> {
  const startedAt = new Date();
  console.log(`[bench] read model only, ${settings.readModelCases} cases; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const readModel = await runReadModelAlone({ cases: settings.readModelCases, repeats: settings.queryRepeats, targetMs: 50 });
  const file = join(ROOT, 'bench', 'results', `${startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}-read-model.json`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const machine = { cores: cpus().length, cpuModel: cpus()[0]?.model ?? '?', node: process.version, loadAverageAtStart: loadavg() };
  writeFileSync(file, `${JSON.stringify({ startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), machine, settings, readModel }, null, 2)}\n`);
  console.log(`[bench] done: ${file} (BENCHMARKS.md untouched)`);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const onlyText = optionValue('--only');
  const only = onlyText?.split(',') as Phase[] | undefined;
  const unknown = only?.filter((p) => !PHASES.includes(p));
  if (unknown?.length) throw new Error(`--only takes ${PHASES.join(', ')}, not "${unknown.join(',')}"\n${USAGE}`);
  const wanted = (phase: Phase) => !only || only.includes(phase);
  const count = (name: string) => {
    const text = optionValue(name);
    if (text !== undefined && !/^[1-9]\d*$/.test(text)) throw new Error(`${name} takes a positive whole number, not "${text}"\n${USAGE}`);
    return text === undefined ? undefined : Number(text);
  };
  const settings = settingsFor(quick, count('--cases'), count('--timer-cases'));
  if (onlyText === 'read-model') return readModelOnly(settings);
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    resultFile: only ? `${stamp}-${only.join('-')}.json` : `${stamp}.json`,
    mode: settings.mode,
    machine: {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model ?? '?',
      memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      kernel: release(),
      node: process.version,
      loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    versions: {
      '@temporalio/client': versionOf('@temporalio/client'),
      '@temporalio/worker': versionOf('@temporalio/worker'),
      'Temporal server (dev)': await temporalServerVersion(),
      '@nestjs/core': versionOf('@nestjs/core'),
      typeorm: versionOf('typeorm'),
      pg: versionOf('pg'),
      autocannon: versionOf('autocannon'),
    },
    settings,
    baseline: [],
    api: [],
    memory: {},
    targets: [],
    notes: [],
  };
  console.log(`[bench] ${settings.mode} run; ${results.machine.cores} cores, load average ${results.machine.loadAverageAtStart.join(' ')}`);

  // PostgreSQL runs as the postgres user when we are root: the folder must be traversable by it.
  const work = mkdtempSync(join(tmpdir(), 'dandang-bench-'));
  chmodSync(work, 0o755);
  let temporal: RunningDevServer | undefined;
  let postgres: RunningPostgres | undefined;
  const services: Service[] = [];
  try {
    [temporal, postgres] = await Promise.all([
      startTemporalDevServer({ dbFile: join(work, 'temporal', 'temporal.db') }),
      startEmbeddedPostgres({ dataDir: join(work, 'postgres') }),
    ]);
    const pg = postgres;
    await pg.createDatabase('dandang');
    const databaseUrl = pg.urlFor('dandang');
    const dataSource = await createDataSource(databaseUrl, { poolSize: 4, applicationName: 'dandang-bench' }).initialize();
    await migrate(dataSource);
    await seedDemoData(dataSource);
    const [{ server_version: pgVersion }] = await dataSource.query('SHOW server_version');
    results.versions['PostgreSQL (embedded)'] = pgVersion;
    console.log(`[bench] Temporal at ${temporal.address}, PostgreSQL on port ${pg.port}, work folder ${work}`);
    // Where the CPU goes, per process: the profile behind every figure that misses.
    const temporalPid = pidWithCommandLine('start-dev', '--port', temporal.address.split(':')[1]);
    const postgresPid = Number(readFileSync(join(work, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const processes: Record<string, number | undefined> = { 'Temporal dev server': temporalPid, PostgreSQL: postgresPid };
    const cpu = new CpuMeter(() => processes);
    results.cpu = cpu.phases;

    // 1. Baseline.
    if (wanted('baseline')) try {
      const { code } = await bundleWorkflowCode({
        workflowsPath: join(__dirname, 'baseline.workflow.js'),
        logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } as never,
      });
      const bundlePath = join(work, 'baseline-bundle.js');
      writeFileSync(bundlePath, code);
      const baselineWorker = spawnService('baseline worker', join(__dirname, 'baseline-worker.js'), {
        TEMPORAL_ADDRESS: temporal.address,
        BENCH_TASK_QUEUE: 'bench-baseline',
        BENCH_BUNDLE_PATH: bundlePath,
      }, join(work, 'baseline-worker.log'));
      services.push(baselineWorker);
      processes['baseline worker'] = baselineWorker.child.pid;
      const sampler = new RssSampler({ 'baseline worker': baselineWorker.child.pid! });
      cpu.mark('setup');
      results.baseline = await runBaseline(temporal.address, 'bench-baseline', settings.rounds);
      sampler.mark('1. baseline');
      cpu.mark('1. baseline');
      delete processes['baseline worker'];
      sampler.stop();
      Object.assign(results.memory, sampler.phases);
      await baselineWorker.stop();
    } catch (e) {
      results.notes.push(`Baseline failed: ${e instanceof Error ? e.message : String(e)}`);
      console.error(e);
    }

    // 2. and 4. The API and the worker as child processes, as in production.
    const apiPort = await freePort();
    const env = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      PORT: String(apiPort),
      WORKFLOW_BUNDLE_PATH: join(DIST, 'workflows', 'workflow-bundle.js'),
      NODE_ENV: 'development',
      DANDANG_EMBEDDED_DATABASE: '1',
      // A key of this run's own: the API and worker seal every Temporal payload with it, as in production. The
      // baseline (bare Temporal) has no codec, so the comparison counts what sealing costs.
      MASTER_KEYS: masterKeysText(newMasterKeys()),
    };
    const worker = spawnService('worker', join(DIST, 'apps', 'worker', 'src', 'main.js'), env, join(work, 'worker.log'));
    const api = spawnService('api', join(DIST, 'apps', 'api', 'src', 'main.js'), env, join(work, 'api.log'));
    services.push(worker, api);
    Object.assign(processes, { api: api.child.pid, worker: worker.child.pid });
    const sampler = new RssSampler({ api: api.child.pid!, worker: worker.child.pid! });
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    try {
      await waitForHealth(baseUrl);
      sampler.mark('startup (healthy, before logins)');
      const users: BenchUser[] = ['intake1', 'officer1', 'supervisor1', 'supervisor2', 'admin1'];
      const tokens = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await login(baseUrl, u, DEMO_PASSWORD)]))) as Record<BenchUser, string>;
      sampler.mark('five concurrent logins');
      cpu.mark('API and worker start, five logins');
      try {
        await runLifecycles(baseUrl, tokens, 1, 1); // warm-up
        if (wanted('lifecycles')) {
          for (const { concurrency, perLoop } of settings.rounds) results.api.push(await runLifecycles(baseUrl, tokens, concurrency, perLoop));
        }
      } catch (e) {
        results.notes.push(`API lifecycles failed: ${e instanceof Error ? e.message : String(e)}`);
        console.error(e);
      }
      sampler.mark('2. API lifecycles');
      cpu.mark('2. API lifecycles');
      if (wanted('timers')) try {
        // A registration (Update-with-start and its projection) costs about two actions at the same concurrency: the
        // rungs must fall after the last registration, or they fire among registrations and slow them until they fail.
        // Without the lifecycle phase to measure it, 20 registrations/s is a guess on the low side for a 2-core machine.
        const sameConcurrency = results.api.find((a) => a.concurrency === settings.registrationConcurrency);
        const rate = wanted('lifecycles') && sameConcurrency ? sameConcurrency.actionsPerSecond / 2 : 20;
        results.timers = await runTimers(baseUrl, { intake1: tokens.intake1, admin1: tokens.admin1 }, dataSource, {
          cases: settings.timerCases,
          batch: settings.timerBatch,
          concurrency: settings.registrationConcurrency,
          registrationsPerSecond: rate,
          ...(results.baseline.length ? { bareUpdatesPerSecond: Math.max(...results.baseline.map((b) => b.updatesPerSecond)) } : {}),
          onRegistered: () => cpu.mark('4. timers: registering the cases'),
        });
      } catch (e) {
        results.notes.push(`Timers failed: ${e instanceof Error ? e.message : String(e)}`);
        console.error(e);
      }
      sampler.mark('4. timers');
      cpu.mark('4. timers: rungs firing');
    } finally {
      sampler.stop();
      Object.assign(results.memory, sampler.phases);
      await api.stop();
      await worker.stop();
      delete processes['api'];
      delete processes['worker'];
    }

    // 3. Read model at scale, in a database of its own on the same server.
    if (wanted('read-model')) try {
      const [template] = await dataSource.query(`SELECT state FROM cases WHERE stage = 'SERVED' ORDER BY updated_at DESC LIMIT 1`);
      await pg.createDatabase('bench_read_model');
      const readSource = await createDataSource(pg.urlFor('bench_read_model'), { poolSize: 10, applicationName: 'dandang-bench-read' }).initialize();
      try {
        await migrate(readSource);
        await seedDemoData(readSource);
        results.readModel = await runReadModel(readSource, {
          cases: settings.readModelCases,
          repeats: settings.queryRepeats,
          stateTemplate: template?.state ?? {},
          targetMs: 50,
        });
        cpu.mark('3. read model (seed and queries)');
      } finally {
        await readSource.destroy();
      }
    } catch (e) {
      results.notes.push(`Read model failed: ${e instanceof Error ? e.message : String(e)}`);
      console.error(e);
    }
    await dataSource.destroy();
  } finally {
    for (const s of services) await s.stop();
    await postgres?.stop().catch(() => undefined);
    await temporal?.stop().catch(() => undefined);
  }

  // 5. `npm start` to healthy, with everything else stopped.
  if (wanted('startup')) try {
    console.log('[bench] timing npm start (node dist/tools/start.js)…');
    results.startup = await timeStartup(ROOT, join(work, 'start'));
    console.log(`[bench] npm start: running after ${results.startup.secondsToRunning ?? '—'} s${results.startup.error ? ` (${results.startup.error})` : ''}`);
  } catch (e) {
    results.notes.push(`npm start timing failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  rmSync(work, { recursive: true, force: true });

  results.finishedAt = new Date().toISOString();
  results.targets = targetsOf(results);
  const resultsDir = join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, results.resultFile), `${JSON.stringify(results, null, 2)}\n`);
  if (only) {
    console.log(`[bench] done: bench/results/${results.resultFile} (a partial run: BENCHMARKS.md untouched)`);
    for (const t of targetsOf(results)) console.log(`[bench] ${t.target}: ${t.figure} — ${t.verdict.replace(/\*\*/g, '')}`);
    return;
  }
  const benchmarks = join(ROOT, 'BENCHMARKS.md');
  if (!existsSync(benchmarks)) writeFileSync(benchmarks, '# Benchmarks\n\n`npm run bench` (full) or `npm run bench -- --quick` appends a section here; the raw figures and query plans are in `bench/results/`.\n\n');
  appendFileSync(benchmarks, `${markdownSection(results)}\n`);
  console.log(`[bench] done: bench/results/${results.resultFile}, BENCHMARKS.md`);
  for (const t of results.targets) console.log(`[bench] ${t.target}: ${t.figure} — ${t.verdict.replace(/\*\*/g, '')}`);
}

function targetsOf(r: BenchResults): BenchResults['targets'] {
  const targets: BenchResults['targets'] = [];
  for (const a of r.api) {
    const b = r.baseline.find((x) => x.concurrency === a.concurrency);
    if (!b) continue;
    const ratio = Math.round((a.actionsPerSecond / b.updatesPerSecond) * 100) / 100;
    targets.push({ target: `actions/s ≥ 0.5× baseline Updates/s (concurrency ${a.concurrency})`, figure: `${a.actionsPerSecond} / ${b.updatesPerSecond} = ${ratio}`, verdict: verdict(ratio, 0.5, 'min', '×') });
  }
  const c32 = r.api.find((a) => a.concurrency === 32);
  if (c32) targets.push({ target: 'p99 of an officer action ≤ 150 ms at 32 concurrent cases', figure: `${c32.officerActionLatencyMs.p99} ms`, verdict: verdict(c32.officerActionLatencyMs.p99, 150, 'max', ' ms') });
  for (const q of r.readModel?.queries ?? []) {
    targets.push({ target: `p99 of ${q.name} ≤ 50 ms on ${r.readModel!.cases.toLocaleString('en')} cases`, figure: `${q.latencyMs.p99} ms`, verdict: verdict(q.latencyMs.p99, 50, 'max', ' ms') });
  }
  if (r.timers) targets.push({ target: 'timer lateness p99 ≤ 1 s', figure: `${r.timers.latenessMs.p99} ms (${r.timers.rungsFired}/${r.timers.rungsExpected} rungs)`, verdict: verdict(r.timers.latenessMs.p99, 1000, 'max', ' ms') });
  const peak = (name: string) => Math.max(...Object.values(r.memory).map((p) => p[name]?.vmHwmMiB ?? 0));
  if (Object.keys(r.memory).length) {
    targets.push({ target: 'worker RSS ≤ 300 MB (peak during 2 and 4)', figure: `${peak('worker')} MiB`, verdict: verdict(peak('worker'), 300, 'max', ' MiB') });
    targets.push({ target: 'API RSS ≤ 200 MB (peak during 2 and 4)', figure: `${peak('api')} MiB`, verdict: verdict(peak('api'), 200, 'max', ' MiB') });
  }
  if (r.startup?.secondsToRunning !== undefined) targets.push({ target: '`npm start` to healthy ≤ 20 s', figure: `${r.startup.secondsToRunning} s`, verdict: verdict(r.startup.secondsToRunning, 20, 'max', ' s') });
  return targets;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
