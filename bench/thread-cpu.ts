/**
 * `node dist/bench/thread-cpu.js PID SECONDS`: the CPU each thread of a running process uses over SECONDS (user and
 * system, from /proc/PID/task), so that a process's CPU in the bench can be split between its own JavaScript (the main
 * thread), workflow threads, the Temporal Core SDK's Rust runtime (tokio) and V8's helpers. Threads that end within
 * the window are missed (their time is in the process's total, not here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { statFields, TICKS } from './lib/cpu';

interface ThreadTimes {
  name: string;
  user: number;
  system: number;
}

function threadsOf(pid: number): Map<number, ThreadTimes> {
  const threads = new Map<number, ThreadTimes>();
  for (const entry of readdirSync(`/proc/${pid}/task`)) {
    const tid = Number(entry);
    const f = statFields(pid, tid);
    if (!f) continue;
    const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
    // After the name: state(0) ppid(1) … utime(11) stime(12).
    threads.set(tid, { name: tid === pid ? `${name} (main thread)` : name, user: Number(f[11]) / TICKS, system: Number(f[12]) / TICKS });
  }
  return threads;
}

export async function threadCpu(pid: number, seconds: number): Promise<{ tid: number; name: string; user: number; system: number }[]> {
  const before = threadsOf(pid);
  await sleep(seconds * 1000);
  const after = threadsOf(pid);
  return [...after]
    .map(([tid, t]) => {
      const b = before.get(tid) ?? { user: 0, system: 0 };
      return { tid, name: t.name, user: t.user - b.user, system: t.system - b.system };
    })
    .filter((t) => t.user + t.system > 0)
    .sort((a, b) => b.user + b.system - (a.user + a.system));
}

if (require.main === module) {
  const [pid, seconds] = process.argv.slice(2).map(Number);
  if (!Number.isInteger(pid) || !(seconds > 0)) {
    console.error('usage: node dist/bench/thread-cpu.js PID SECONDS');
    process.exit(2);
  }
  void threadCpu(pid, seconds).then((threads) => {
    const total = threads.reduce((sum, t) => sum + t.user + t.system, 0);
    console.log(`${total.toFixed(2)} CPU seconds in ${seconds} s over ${threads.length} threads`);
    for (const t of threads) {
      const cpu = t.user + t.system;
      console.log(`${cpu.toFixed(2).padStart(8)} s ${((100 * cpu) / total).toFixed(1).padStart(5)} %  (user ${t.user.toFixed(2)}, system ${t.system.toFixed(2)})  ${t.tid} ${t.name}`);
    }
  });
}
