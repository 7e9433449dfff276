import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One process of the cluster: (re)started on demand, its output kept in a log file and its last lines in memory. */
export interface ClusterProcess {
  readonly name: string;
  readonly pid: number | undefined;
  running(): boolean;
  /** Starts it (again); resolves once `ready` (given at creation) says so, rejects with its output if it ends first. */
  start(): Promise<void>;
  /** SIGKILL, as a crash or an out-of-memory kill: nothing is finished. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Resolves when the current run ends. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines it printed. */
  output(): string;
}

export interface ClusterProcessSpec {
  name: string;
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  /** Resolves once the process serves; it may poll (the process's state is given). */
  ready(p: { line$: (re: RegExp) => Promise<void>; alive: () => boolean }): Promise<void>;
  readyTimeoutMs?: number;
  /** Also written here, each line prefixed with `[name]` (npm run start:cluster). */
  echo?: NodeJS.WritableStream;
  /** Called when a run ends that nobody stopped or killed. */
  onUnexpectedExit?: (how: string, output: string) => void;
}

/** The last lines, each cut short: the Temporal server logs a whole stack trace per line. */
function lastLines(tail: string[]): string {
  return tail
    .slice(-15)
    .map((l) => (l.length > 600 ? `${l.slice(0, 600)}…` : l))
    .join('\n');
}

export function clusterProcess(spec: ClusterProcessSpec): ClusterProcess {
  let child: ChildProcess | undefined;
  let ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({ code: 0, signal: null });
  let log: WriteStream | undefined;
  let ending = false;
  const tail: string[] = [];
  const waiters: Array<{ re: RegExp; resolve: () => void }> = [];
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > 80) tail.shift();
    log?.write(`${line}\n`);
    spec.echo?.write(`[${spec.name}] ${line}\n`);
    for (const w of [...waiters]) {
      if (w.re.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };

  const self: ClusterProcess = {
    name: spec.name,
    get pid() {
      return child?.pid;
    },
    running,
    async start() {
      if (running()) throw new Error(`${spec.name} is already running`);
      ending = false;
      log = createWriteStream(spec.logFile, { flags: 'a' });
      // Detached: a Ctrl-C in the terminal reaches only the launcher, which stops everything in order.
      const c = spawn(spec.command, [...spec.args], { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      child = c;
      createInterface({ input: c.stdout! }).on('line', onLine);
      createInterface({ input: c.stderr! }).on('line', onLine);
      ended = new Promise((resolve) => {
        c.once('error', (e) => {
          onLine(`could not start ${spec.command}: ${e.message}`);
          resolve({ code: 1, signal: null });
        });
        c.once('close', (code, signal) => resolve({ code, signal }));
      });
      const thisRun = ended;
      void thisRun.then(({ code, signal }) => {
        log?.end();
        if (!ending) spec.onUnexpectedExit?.(signal ? `killed by ${signal}` : `exited with code ${code}`, lastLines(tail));
      });
      const timeoutMs = spec.readyTimeoutMs ?? 120_000;
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        spec
          .ready({
            line$: (re) => new Promise<void>((resolve) => waiters.push({ re, resolve })),
            alive: () => child === c && running(),
          })
          .then(() => 'ready' as const),
        thisRun.then(() => 'exited' as const),
        new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
      ]);
      clearTimeout(timer);
      waiters.length = 0;
      if (outcome !== 'ready') {
        ending = true;
        if (running()) c.kill('SIGKILL');
        await thisRun;
        throw new Error(`${spec.name} ${outcome === 'exited' ? 'ended' : `was not ready after ${timeoutMs / 1000} s`} before it was ready:\n${lastLines(tail)}`);
      }
    },
    async kill() {
      ending = true;
      if (running()) child!.kill('SIGKILL');
      await ended;
    },
    async stop(graceMs = 30_000) {
      ending = true;
      if (!running()) return void (await ended);
      const c = child!;
      const timer = setTimeout(() => c.kill('SIGKILL'), graceMs);
      c.kill('SIGTERM');
      await ended;
      clearTimeout(timer);
    },
    exited: () => ended,
    output: () => lastLines(tail),
  };
  return self;
}
