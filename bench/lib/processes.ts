import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS, SERVICE_PROCESS_ENV } from '@dandang/config';

/** A child process of the benchmark (API, worker, baseline worker), its output kept in a log file. */
export interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Started as production starts its services (SERVICE_NODE_FLAGS), so their memory is measured as it will be.
 * With BENCH_PROFILE_DIR set, each service also writes V8 CPU profiles (one per thread, the worker's workflow
 * thread included) to a folder of that directory named for it, for Chrome DevTools or `node dist/bench/profile-summary.js`.
 */
export function spawnService(name: string, script: string, env: NodeJS.ProcessEnv, logFile: string): Service {
  const profileDir = process.env['BENCH_PROFILE_DIR'];
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, name.replace(/\W+/g, '-'))}`] : [];
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...profiling, script], {
    env: { ...process.env, ...SERVICE_PROCESS_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`[bench] ${name} exited unexpectedly (${code ?? signal}); see ${logFile}`);
  });
  let stopping = false;
  return {
    name,
    child,
    logFile,
    stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

/** VmRSS and VmHWM (peak RSS) of a process, in MiB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMiB: number; hwmMiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/**
 * Samples the RSS of some processes every `intervalMs`. `mark(phase)` closes a phase: the largest VmRSS sampled
 * during it and the process's VmHWM (peak since it started) at its end.
 */
export class RssSampler {
  private readonly max = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  readonly phases: Record<string, Record<string, { maxSampledRssMiB: number; vmHwmMiB: number }>> = {};

  constructor(
    private readonly pids: Record<string, number>,
    intervalMs = 200,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.pids)) {
      const m = memoryOf(pid);
      if (m) this.max.set(name, Math.max(this.max.get(name) ?? 0, m.rssMiB));
    }
  }

  mark(phase: string): void {
    this.sample();
    this.phases[phase] = {};
    for (const [name, pid] of Object.entries(this.pids)) {
      this.phases[phase][name] = { maxSampledRssMiB: Math.round(this.max.get(name) ?? NaN), vmHwmMiB: Math.round(memoryOf(pid)?.hwmMiB ?? NaN) };
    }
    this.max.clear();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Polls `probe` every 200 ms until it returns a value, or throws after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
