import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on every Linux the benchmark runs on). */
export const TICKS = 100;

/** Fields of /proc/<pid>/stat (or of a thread's, `task/<tid>/stat`) after the command name (which may hold spaces). */
export function statFields(pid: number, tid?: number): string[] | undefined {
  try {
    const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds (user + system) a process has used, with those of its children it has reaped (PostgreSQL's
 * postmaster reaps its backends, so their time is counted once they end).
 */
function cpuSecondsOf(pid: number, withReapedChildren = true): number {
  const f = statFields(pid);
  if (!f) return 0;
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  const own = Number(f[11]) + Number(f[12]);
  return (withReapedChildren ? own + Number(f[13]) + Number(f[14]) : own) / TICKS;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === pid) out.push(Number(entry));
  }
  return out;
}

/** CPU seconds of a process and of its live children (and theirs). */
function treeCpuSeconds(pid: number): number {
  return cpuSecondsOf(pid) + childrenOf(pid).reduce((sum, child) => sum + treeCpuSeconds(child), 0);
}

/** Busy and total CPU seconds of the whole machine, from /proc/stat. */
function machineSeconds(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = cpu[3] + (cpu[4] ?? 0); // idle + iowait
  return { busy: (total - idle) / TICKS, total: total / TICKS };
}

/** The root process of a running process whose command line contains every one of `parts`. */
export function pidWithCommandLine(...parts: string[]): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parts.every((p) => cmdline.includes(p))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

export interface CpuPhase {
  wallSeconds: number;
  /** CPU seconds per process (a process tree), and `machine` for all the machine's cores together. */
  cpuSeconds: Record<string, number>;
  /** Share of one core each process used on average: 1 = one core fully busy. */
  cores: Record<string, number>;
  /** CPU used by everything else on the machine meanwhile (other users' work included), in cores. */
  otherCores: number;
}

/**
 * Where the CPU went during each phase, per process: the profile that says which of the load generator, API,
 * worker, Temporal dev server and PostgreSQL limits a figure, and how busy the machine was with other work.
 */
export class CpuMeter {
  readonly phases: Record<string, CpuPhase> = {};
  private readonly pids: () => Record<string, number | undefined>;
  private start: ReturnType<CpuMeter['read']>;

  constructor(pids: () => Record<string, number | undefined>) {
    this.pids = pids;
    this.start = this.read();
  }

  private read(): { at: number; machine: { busy: number; total: number }; byProcess: Record<string, number> } {
    // Not the bench's reaped children: the services it stops are counted under their own names while they run.
    const byProcess: Record<string, number> = { 'bench (load generator)': cpuSecondsOf(process.pid, false) };
    for (const [name, pid] of Object.entries(this.pids())) if (pid) byProcess[name] = treeCpuSeconds(pid);
    return { at: performance.now(), machine: machineSeconds(), byProcess };
  }

  /** Closes a phase that began at the previous mark (or at construction) and starts the next. */
  mark(phase: string): CpuPhase {
    const end = this.read();
    const wallSeconds = (end.at - this.start.at) / 1000;
    const cpuSeconds: Record<string, number> = {};
    const cores: Record<string, number> = {};
    for (const [name, seconds] of Object.entries(end.byProcess)) {
      if (this.start.byProcess[name] === undefined) continue;
      cpuSeconds[name] = round(seconds - this.start.byProcess[name]);
      cores[name] = round(cpuSeconds[name] / wallSeconds);
    }
    cpuSeconds['machine'] = round(end.machine.busy - this.start.machine.busy);
    cores['machine'] = round(cpuSeconds['machine'] / wallSeconds);
    const ours = Object.entries(cpuSeconds).filter(([n]) => n !== 'machine').reduce((s, [, v]) => s + v, 0);
    const result = { wallSeconds: round(wallSeconds), cpuSeconds, cores, otherCores: round(Math.max(0, cpuSeconds['machine'] - ours) / wallSeconds) };
    this.phases[phase] = result;
    this.start = end;
    return result;
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
