import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { SERVICE_NODE_FLAGS, SERVICE_PROCESS_ENV } from '@dandang/config';

/** A line from the start tool itself. */
export function say(line: string): void {
  process.stdout.write(`[start] ${line}\n`);
}

/** Writes every line of `text` (which may hold several) with `prefix`. */
export function writePrefixed(prefix: string, text: string, out: NodeJS.WritableStream = process.stdout): void {
  for (const line of text.split(/\r?\n/)) if (line.trim() !== '') out.write(`${prefix} ${line}\n`);
}

function pipeLines(stream: Readable | null, prefix: string, out: NodeJS.WritableStream): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`${prefix} ${line}\n`));
}

export interface ManagedChild {
  name: string;
  child: ChildProcess;
  /** Resolves once the process has exited and its output is drained. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `node script` as a service (SERVICE_NODE_FLAGS, then `flags`), its stdout/stderr lines prefixed `[name]`. */
export function spawnNode(name: string, script: string, env: NodeJS.ProcessEnv, cwd: string, flags: readonly string[] = []): ManagedChild {
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...flags, script], { cwd, env: { ...SERVICE_PROCESS_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  pipeLines(child.stdout, `[${name}]`, process.stdout);
  pipeLines(child.stderr, `[${name}]`, process.stderr);
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (e) => {
      process.stderr.write(`[${name}] could not be started: ${e.message}\n`);
      resolve({ code: 1, signal: null });
    });
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  return { name, child, closed };
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null && child.pid !== undefined;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function stopProcess(m: ManagedChild, graceMs: number): Promise<void> {
  if (isRunning(m.child)) {
    const timer = setTimeout(() => {
      if (!isRunning(m.child)) return;
      say(`${m.name} did not stop within ${graceMs / 1000} s; killing it`);
      m.child.kill('SIGKILL');
    }, graceMs);
    m.child.kill('SIGTERM');
    await m.closed;
    clearTimeout(timer);
  }
  await m.closed;
}

export function describeExit({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}
