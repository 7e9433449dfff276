import type { BenchResults } from './results';

const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : `${v}`);

/** Met, or missed by how much (for an upper bound: actual vs target; for a lower bound: the shortfall). */
export function verdict(actual: number | undefined, target: number, kind: 'max' | 'min', unit = ''): string {
  if (actual === undefined || !Number.isFinite(actual)) return 'not measured';
  if (kind === 'max') return actual <= target ? `met (${actual}${unit} ≤ ${target}${unit})` : `**missed** by ${Math.round((actual - target) * 10) / 10}${unit} (${Math.round((actual / target) * 10) / 10}× the target)`;
  return actual >= target ? `met (${actual}${unit} ≥ ${target}${unit})` : `**missed** by ${Math.round((target - actual) * 100) / 100}${unit} (${Math.round((actual / target) * 100)} % of the target)`;
}

export function markdownSection(r: BenchResults): string {
  const lines: string[] = [];
  const out = (s = '') => lines.push(s);
  out(`## ${r.startedAt} — ${r.mode} run`);
  out();
  out(`Results: \`bench/results/${r.resultFile}\`. Machine: ${r.machine.cores} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB RAM, ` +
    `Linux ${r.machine.kernel}, Node ${r.machine.node}; load average at start ${r.machine.loadAverageAtStart.join(' / ')}. ` +
    `Versions: ${Object.entries(r.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  out();
  out(`Settings: ${r.settings.description}`);
  out();
  out('> **Caveat.** One run on a shared 2-core machine: other engineers may have been running test suites at the same time, ' +
    'and the load generator, API, worker, Temporal dev server (SQLite) and PostgreSQL all share those two cores. ' +
    'Figures are indicative, not a capacity statement; compare runs by their ratios, and re-run before drawing conclusions from a single miss.');
  out();
  out('### Targets');
  out();
  out('| Target | Figure | Verdict |');
  out('| --- | --- | --- |');
  for (const t of r.targets) out(`| ${t.target} | ${t.figure} | ${t.verdict} |`);
  out();
  if (r.baseline.length || r.api.length) {
    out('### Lifecycles: bare Temporal baseline vs. the case API');
    out();
    out('| Concurrency | Baseline Updates/s | Baseline Update p50 / p99 ms | API cases/s | API actions/s | Ratio | Action p50 / p95 / p99 ms | Officer action p99 ms | Failed requests |');
    out('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const a of r.api) {
      const b = r.baseline.find((x) => x.concurrency === a.concurrency);
      out(`| ${a.concurrency} | ${b ? b.updatesPerSecond : '—'} | ${b ? `${b.updateLatencyMs.p50} / ${b.updateLatencyMs.p99}` : '—'} | ${a.casesPerSecond} | ${a.actionsPerSecond} | ` +
        `${b ? (a.actionsPerSecond / b.updatesPerSecond).toFixed(2) : '—'} | ${a.actionLatencyMs.p50} / ${a.actionLatencyMs.p95} / ${a.actionLatencyMs.p99} | ${a.officerActionLatencyMs.p99} | ${a.failedRequests} |`);
    }
    const top = r.api.find((a) => a.concurrency === 32) ?? r.api.at(-1);
    if (top) {
      out();
      out(`Per action at concurrency ${top.concurrency} (ms):`);
      out();
      out('| Action | n | p50 | p95 | p99 | max |');
      out('| --- | --- | --- | --- | --- | --- |');
      for (const [step, s] of Object.entries(top.perStepLatencyMs)) out(`| ${step} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`);
    }
    out();
  }
  if (r.readModel) {
    const m = r.readModel;
    out(`### Read model: ${m.cases.toLocaleString('en')} cases, ${m.auditEvents.toLocaleString('en')} audit events, ${m.orgUnits} org units`);
    out();
    out(`Seeded by SQL in ${m.seedSeconds} s (cases ${m.tableSizes['cases']}, audit_events ${m.tableSizes['audit_events']}); ${m.repeats} timed runs per query after 3 warm-ups, through the repositories (TypeORM).`);
    out();
    out('| Query | p50 ms | p99 ms | Target | Plan (scans; EXPLAIN ANALYZE execution time) |');
    out('| --- | --- | --- | --- | --- |');
    for (const q of m.queries) {
      const plans = q.plans.map((p) => `${p.scans.join(', ') || 'no scan'} (${p.executionMs} ms)`).join('; ');
      out(`| ${q.name} | ${q.latencyMs.p50} | ${q.latencyMs.p99} | ${q.met ? 'met' : `**missed**, ${q.overBy}× ${q.targetMs} ms`} | ${plans.replace(/\|/g, '\\|')} |`);
    }
    out();
  }
  if (r.timers) {
    const t = r.timers;
    out(`### Timers: ${t.cases} open cases, deadlines within ${t.dueAtSpreadSeconds} s of each other`);
    out();
    out(`${t.rungsFired} of ${t.rungsExpected} rungs fired (registration took ${t.registrationSeconds} s under ${t.policies} drill policies, ${t.registrationRetries} registrations retried after a 503; waited ${t.waitedSeconds} s after it).`);
    out();
    const ceiling = t.latenessAtBareCeilingMs;
    out(`Demand: the fired rungs were ${t.firings} firings (a case's rungs due at the same instant fire together); at the peak, ` +
      `${t.peakFiringsPerSecond} firings per second fell due (the most in any 10 s)` +
      (ceiling
        ? `, against the ${ceiling.perSecond} Updates/s bare Temporal answered at most in this run's baseline. A firing is the same work for the server as an Update: ` +
          `a workflow task, an activity and a workflow task. Started at that ceiling, in order and with nothing else to do, the rungs would have been late by ` +
          `p50 ${ceiling.p50} ms, p99 ${ceiling.p99} ms, max ${ceiling.max} ms.`
        : '.'));
    out();
    out('| Rung | n | p50 ms | p99 ms | max ms |');
    out('| --- | --- | --- | --- | --- |');
    out(`| all | ${t.latenessMs.n} | ${t.latenessMs.p50} | ${t.latenessMs.p99} | ${t.latenessMs.max} |`);
    for (const [rung, s] of Object.entries(t.latenessByRungMs)) out(`| ${rung} | ${s.n} | ${s.p50} | ${s.p99} | ${s.max} |`);
    out();
  }
  if (Object.keys(r.memory).length) {
    out('### Memory (MiB)');
    out();
    out('| Phase | Process | max sampled RSS | VmHWM (peak since start) |');
    out('| --- | --- | --- | --- |');
    for (const [phase, procs] of Object.entries(r.memory)) {
      for (const [name, m] of Object.entries(procs)) out(`| ${phase} | ${name} | ${m.maxSampledRssMiB} | ${m.vmHwmMiB} |`);
    }
    out();
  }
  if (r.cpu && Object.keys(r.cpu).length) {
    const names = [...new Set(Object.values(r.cpu).flatMap((p) => Object.keys(p.cores)))].filter((n) => n !== 'machine');
    out('### CPU by process (cores used on average; 2 = both cores busy)');
    out();
    out(`| Phase | seconds | ${names.join(' | ')} | everything else | machine |`);
    out(`| --- | --- | ${names.map(() => '---').join(' | ')} | --- | --- |`);
    for (const [phase, p] of Object.entries(r.cpu)) {
      out(`| ${phase} | ${p.wallSeconds} | ${names.map((n) => ms(p.cores[n])).join(' | ')} | ${p.otherCores} | ${p.cores['machine']} |`);
    }
    out();
  }
  if (r.startup) {
    out(`### \`npm start\` to healthy`);
    out();
    out(r.startup.error
      ? `Failed: ${r.startup.error}`
      : `\`node dist/tools/start.js\` in a fresh data folder (initdb, migrations, demo seed, Temporal dev server, worker, API): "Dandang is running" after ${r.startup.secondsToRunning} s (it reports healthy after ${r.startup.reportedHealthySeconds} s); stopped in ${r.startup.stopSeconds} s after SIGINT.`);
    out();
  }
  if (r.notes.length) {
    out('### Notes');
    out();
    for (const n of r.notes) out(`- ${n}`);
    out();
  }
  return lines.join('\n');
}
