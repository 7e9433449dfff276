import { spawn } from 'node:child_process';

/** The production worker (apps/worker's main) running as an OS process of its own. */
export interface WorkerProcess {
  pid: number;
  /** Resolves when the process has ended, however it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /** SIGKILL, as a crash or an out-of-memory kill would: no activity or workflow task is finished. */
  kill(): Promise<void>;
  /** SIGTERM: the worker's own orderly shutdown (SIGKILL if it has not ended after 30 s). */
  stop(): Promise<void>;
  /** The last lines it printed. */
  output(): string;
}

/** The worker's own line once it polls its task queue (apps/worker/src/main.ts). */
const READY_LINE = /worker: polling task queue/;

/**
 * Starts `node script` with `env` and resolves once the worker polls its task queue; rejects with its output if it
 * ends before that or is not ready within `readyTimeoutMs`.
 */
export async function startWorkerProcess(script: string, env: NodeJS.ProcessEnv, readyTimeoutMs = 120_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let announceReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (announceReady = resolve));
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    lines.push(text);
    if (lines.length > 60) lines.shift();
    if (READY_LINE.test(text)) announceReady();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const output = () => lines.join('');
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const end = async (signal: NodeJS.Signals) => {
    if (!isRunning()) return;
    child.kill(signal);
    await exited;
  };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), readyTimeoutMs)));
  const outcome = await Promise.race([ready.then(() => 'ready' as const), exited.then(() => 'exited' as const), timedOut]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await end('SIGKILL');
    throw new Error(`the worker ${outcome === 'exited' ? 'ended' : `was not polling after ${readyTimeoutMs} ms`} before it was ready:\n${output()}`);
  }
  const stop = async () => {
    const fallback = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await end('SIGTERM');
    clearTimeout(fallback);
  };
  return { pid: child.pid!, exited, isRunning, kill: () => end('SIGKILL'), stop, output };
}
