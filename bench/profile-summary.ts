/**
 * `node dist/bench/profile-summary.js FILE.cpuprofile… [--top N]`: the functions that took the most CPU in V8 CPU
 * profiles (as written with BENCH_PROFILE_DIR), by self time and by total time, so a benchmark's "what limits it"
 * can cite a profile.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self and total microseconds per function (name and place), over one profile. */
export function summarizeProfile(profile: CpuProfile): { totalUs: number; byFunction: Map<string, { selfUs: number; totalUs: number }> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => {
    const file = n.callFrame.url ? basename(n.callFrame.url) : '';
    return `${n.callFrame.functionName || '(anonymous)'} ${file ? `${file}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  };
  const byFunction = new Map<string, { selfUs: number; totalUs: number }>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    totalUs += us;
    const seen = new Set<string>();
    for (let at: number | undefined = id, self = true; at !== undefined; at = parent.get(at), self = false) {
      const name = label(byId.get(at)!);
      const entry = byFunction.get(name) ?? { selfUs: 0, totalUs: 0 };
      if (self) entry.selfUs += us;
      if (!seen.has(name)) entry.totalUs += us;
      seen.add(name);
      byFunction.set(name, entry);
    }
  });
  return { totalUs, byFunction };
}

function main(args: string[]) {
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  const files = args.filter((a, i) => a !== '--top' && i !== topAt + 1);
  for (const file of files) {
    const { totalUs, byFunction } = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
    const idle = byFunction.get('(idle)')?.selfUs ?? 0;
    console.log(`\n${file}: ${(totalUs / 1e6).toFixed(1)} s sampled, ${((totalUs - idle) / 1e6).toFixed(1)} s busy`);
    const rows = [...byFunction.entries()].filter(([name]) => name !== '(idle)' && name !== '(root)');
    const pct = (us: number) => `${((us / Math.max(1, totalUs - idle)) * 100).toFixed(1)} %`.padStart(7);
    console.log('  by self time:');
    for (const [name, t] of rows.sort((a, b) => b[1].selfUs - a[1].selfUs).slice(0, top)) console.log(`  ${pct(t.selfUs)}  ${name}`);
    console.log('  by total time:');
    for (const [name, t] of rows.sort((a, b) => b[1].totalUs - a[1].totalUs).slice(0, top)) console.log(`  ${pct(t.totalUs)}  ${name}`);
  }
}

if (require.main === module) main(process.argv.slice(2));
