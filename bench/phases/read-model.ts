import type { DataSource } from 'typeorm';
import { Writable } from 'node:stream';
import { CaseExportRepository, CaseReadRepository, DashboardRepository, DEMO_ORG_UNITS, DEMO_USERS, insertOrgUnit, type CaseExportFilter } from '@dandang/persistence';
import { writeTables, type ExportCell } from '../../apps/api/src/exports/table-writer';
import { summarize, type Summary } from '../lib/stats';
import { explainStatement, statementsOf } from '@dandang/testing';
import { awaitedTasks } from '@dandang/domain';

/**
 * The counter triggers of migration DashboardCounters, off during the bulk seed: one statement inserts cases and
 * their audit events together, where both triggers would count each visit (and row by row is slow). The seed
 * rebuilds the counters once afterwards, as `npm run verify -- --repair` would.
 */
const COUNTER_TRIGGERS = [
  ['cases', 'cases_counters_insert_delete'],
  ['audit_events', 'audit_events_stage_visit'],
] as const;

/** 18 more units under the two demo districts, so that org, subtree and per-unit figures vary. */
function benchOrgUnits(): { unit: { id: string; code: string; name: string }; parentId: string }[] {
  const units = [];
  for (const [d, district] of [DEMO_ORG_UNITS.districtA, DEMO_ORG_UNITS.districtB].entries()) {
    for (let i = 1; i <= 9; i++) {
      const n = d * 9 + i;
      units.push({
        unit: { id: `00000000-0000-4000-8000-0000000b${String(n).padStart(4, '0')}`, code: `BENCH-${district.code}-${i}`, name: `${district.name} 街道${i}` },
        parentId: district.id,
      });
    }
  }
  return units;
}

const OPEN_STAGES = ['INTAKE', 'DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'DECIDED'];

/**
 * One chunk of synthetic cases, inserted by SQL alone (no workflows), and the audit events of their stage moves
 * (what the dashboard's days-per-stage figure reads). Each row copies the shape of a projected row: `state` is a
 * real projected state with the case's own id, number, stage and assignee written over it.
 */
const INSERT_CHUNK = `
WITH src AS (
  SELECT g, random() AS r_stage, random() AS r_channel, random() AS r_org, random() AS r_assignee, random() AS r_title,
         random() AS r_problem, random() AS r_age, random() AS r_enter, random() AS r_flag, random() AS r_name
  FROM generate_series($1::int, $2::int) AS g
  OFFSET 0
), shaped AS (
  SELECT g, r_channel, r_org, r_assignee, r_title, r_problem, r_age, r_enter, r_flag, r_name,
         CASE WHEN r_stage < 0.05 THEN 'INTAKE' WHEN r_stage < 0.13 THEN 'DISPOSITION' WHEN r_stage < 0.20 THEN 'INQUIRY'
              WHEN r_stage < 0.30 THEN 'VERIFICATION' WHEN r_stage < 0.38 THEN 'INVESTIGATION' WHEN r_stage < 0.40 THEN 'DECIDED'
              WHEN r_stage < 0.65 THEN 'SERVED' WHEN r_stage < 0.70 THEN 'SHELVED' ELSE 'CLOSED' END AS stage
  FROM src
), rows AS (
  SELECT s.*, md5('bench-case-' || g)::uuid AS id,
         'DD-' || (2023 + g % 3) || '-' || lpad((g / 3)::text, 6, '0') AS number,
         s.stage = ANY($7::text[]) AS open,
         ($4::uuid[])[1 + floor(r_org * array_length($4::uuid[], 1))::int] AS org_unit_id,
         ($5::text[])[1 + floor(r_org * array_length($5::text[], 1))::int] AS org_path,
         (ARRAY['PARTY_INTERNAL','PEOPLES_CONGRESS','DEMOCRATIC','ADMINISTRATIVE','JUDICIAL','AUDIT','PUBLIC','MEDIA'])[1 + floor(r_channel * 8)::int] AS channel,
         now() - (CASE WHEN s.stage = ANY($7::text[]) THEN interval '120 days' ELSE interval '1095 days' END) * r_age AS received_at
  FROM shaped s
), cased AS (
  SELECT r.*,
         received_at + interval '2 hours' AS registered_at,
         received_at + interval '2 hours' + (now() - received_at - interval '2 hours') * r_enter * 0.9 AS stage_entered_at,
         CASE WHEN stage = 'INTAKE' THEN NULL
              WHEN r_assignee < 0.05 THEN $8::uuid WHEN r_assignee < 0.10 THEN $9::uuid
              ELSE md5('bench-officer-' || floor(r_assignee * 200))::uuid END AS assignee_id,
         (ARRAY['某街道办','某区住建局','某镇政府','某区市场监管局','某社区居委会','某区城管局','某区教育局','某区卫健委'])[1 + floor(r_title * 8)::int] ||
         (ARRAY['对群众反映的噪音问题长期不作为','审批拖延推诿扯皮','对安全隐患整改敷衍塞责','违规收费久拖不决','对信访诉求不予答复',
                '项目建设慢作为','执法检查走过场','对群众反映的积水问题不作为','惠民资金发放拖延','环境整治不担当'])[1 + floor(r_problem * 10)::int] AS title,
         (ARRAY['张','王','李','赵','刘','陈','杨','黄','周','吴'])[1 + floor(r_name * 10)::int] || (ARRAY['伟','芳','强','敏','磊','军','洋','勇','艳','杰'])[1 + (g % 10)] AS subject_name
  FROM rows r
), ins AS (
  INSERT INTO cases (id, number, title, summary, channel, intake_method, stage, org_unit_id, org_path, subject_name, subject_position,
                     subject_org_unit_id, subject_user_id, assignee_id, has_pending_approval, received_at, registered_at, stage_entered_at,
                     updated_at, version, state, due_at, card, supervised, clock_suspended, waiting_user_ids, awaits_supervisor)
  SELECT id, number, title || ' #' || g, '居民多次反映：' || title || '，相关部门长期未处理。', channel,
         (ARRAY['LETTER','VISIT','PHONE','ONLINE','HOTLINE_12345'])[1 + (g % 5)], stage, org_unit_id, org_path, subject_name, '科长',
         org_unit_id, NULL, assignee_id,
         open AND stage IN ('DISPOSITION','VERIFICATION','INVESTIGATION') AND r_flag < 0.15,
         received_at, registered_at, stage_entered_at, stage_entered_at,
         CASE stage WHEN 'INTAKE' THEN 1 WHEN 'DISPOSITION' THEN 3 WHEN 'INQUIRY' THEN 4 WHEN 'VERIFICATION' THEN 4 WHEN 'INVESTIGATION' THEN 7
                    WHEN 'DECIDED' THEN 9 WHEN 'SERVED' THEN 10 WHEN 'SHELVED' THEN 4 ELSE 5 END,
         $3::jsonb || jsonb_build_object('caseId', id, 'number', number, 'stage', stage, 'assigneeId', assignee_id, 'registeredAt', registered_at, 'stageEnteredAt', stage_entered_at),
         CASE WHEN open THEN stage_entered_at + interval '30 days' END,
         CASE WHEN NOT open THEN 'NONE' WHEN stage_entered_at + interval '30 days' < now() THEN 'RED'
              WHEN stage_entered_at + interval '24 days' < now() THEN 'YELLOW' ELSE 'NONE' END,
         open AND stage_entered_at + interval '36 days' < now(),
         open AND r_flag > 0.98,
         -- Step work beside the stage, about as often as a projection writes it (the domain's taskHolders): a closed
         -- case's reporter still to be told of the result (the registering intake officer), a shelved clue whose
         -- review is due (its officer); a served case's appeal or an ordered correction (a supervisor).
         CASE WHEN stage = 'CLOSED' AND r_flag < 0.01 THEN ARRAY[$10::text]
              WHEN stage = 'SHELVED' AND r_flag < 0.30 AND assignee_id IS NOT NULL THEN ARRAY[assignee_id::text]
              ELSE '{}'::text[] END,
         stage IN ('SERVED', 'CLOSED') AND r_flag BETWEEN 0.5 AND 0.505
  FROM cased
  RETURNING id, stage, registered_at, stage_entered_at
)
INSERT INTO audit_events (case_id, stream, version, action, actor_id, actor_name, actor_role, occurred_at, reason, from_stage, to_stage, payload, prev_hash, hash)
SELECT ins.id, 'case', o.ord, CASE WHEN o.ord = 1 THEN 'registerClue' ELSE 'approve' END, $6::uuid, 'bench', 'SUPERVISOR',
       ins.registered_at + (ins.stage_entered_at - ins.registered_at) * (o.ord - 1) / greatest(array_length(p.path, 1) - 1, 1),
       NULL, p.path[o.ord - 1], p.path[o.ord], '{}'::jsonb, repeat('0', 64), repeat('0', 64)
FROM ins
CROSS JOIN LATERAL (SELECT CASE ins.stage
    WHEN 'INTAKE' THEN ARRAY['INTAKE'] WHEN 'DISPOSITION' THEN ARRAY['INTAKE','DISPOSITION']
    WHEN 'INQUIRY' THEN ARRAY['INTAKE','DISPOSITION','INQUIRY'] WHEN 'VERIFICATION' THEN ARRAY['INTAKE','DISPOSITION','VERIFICATION']
    WHEN 'INVESTIGATION' THEN ARRAY['INTAKE','DISPOSITION','VERIFICATION','INVESTIGATION']
    WHEN 'DECIDED' THEN ARRAY['INTAKE','DISPOSITION','VERIFICATION','INVESTIGATION','DECIDED']
    WHEN 'SERVED' THEN ARRAY['INTAKE','DISPOSITION','VERIFICATION','INVESTIGATION','DECIDED','SERVED']
    WHEN 'SHELVED' THEN ARRAY['INTAKE','DISPOSITION','SHELVED']
    ELSE ARRAY['INTAKE','DISPOSITION','INQUIRY','CLOSED'] END AS path) p
CROSS JOIN LATERAL generate_subscripts(p.path, 1) AS o(ord)`;

export interface QueryFigure {
  name: string;
  description: string;
  latencyMs: Summary;
  targetMs: number;
  met: boolean;
  /** How far the p99 is over the target, as a factor (1.8 = 80 % over). */
  overBy?: number;
  plans: { sql: string; params: unknown[]; settings: string[]; executionMs: number; scans: string[]; plan: string }[];
}

export interface ReadModelResult {
  cases: number;
  auditEvents: number;
  orgUnits: number;
  seedSeconds: number;
  /** Of seedSeconds, the time dashboard_counters_rebuild() took after the bulk insert. */
  counterRebuildSeconds: number;
  tableSizes: Record<string, string>;
  repeats: number;
  queries: QueryFigure[];
  /** A case list export of EXPORT_ROWS rows in each format, to a client that takes bytes as fast as they come. */
  exports: ExportFigure[];
}

/** Rows of the export phase: the size issue 19 asks to stream without loading it. */
const EXPORT_ROWS = 100_000;

export interface ExportFigure {
  format: 'xlsx' | 'csv';
  rows: number;
  bytes: number;
  seconds: number;
  /** The process's resident set at its highest during the export, less before it (sampled every 20 ms). */
  peakRssGrowthMb: number;
}

/** Exports the first `rows` cases of the list as the API does (keyset pages, writeTables), measuring time and RSS. */
async function measureExport(dataSource: DataSource, filter: CaseExportFilter, format: 'xlsx' | 'csv', rows: number): Promise<ExportFigure> {
  const exports = new CaseExportRepository(dataSource);
  async function* pages(): AsyncGenerator<ExportCell[][]> {
    let n = 0;
    for await (const page of exports.pages(filter)) {
      const take = page.slice(0, rows - n);
      n += take.length;
      yield take.map((r) => [r.number, r.title, r.subjectName, r.subjectPosition, r.channel, r.intakeMethod, r.stage, r.orgUnitName, r.assigneeName,
        r.hasPendingApproval, r.receivedAt, r.registeredAt, r.stageEnteredAt, r.updatedAt, r.dueAt, r.card, r.supervised]);
      if (n >= rows) return;
    }
  }
  let bytes = 0;
  const sink = new Writable({ write(chunk: Buffer, _encoding, done) { bytes += chunk.length; done(); } });
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const written = await writeTables(format, [{ title: 'cases', headers: Array.from({ length: 17 }, (_, i) => `c${i}`), rows: pages() }], sink);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const figure = { format, rows: written, bytes, seconds: Math.round(seconds * 10) / 10, peakRssGrowthMb: Math.round((peak - before) / 1048576) };
  console.log(`[bench] read model export ${format}: ${figure.rows} rows, ${Math.round(bytes / 1048576)} MB in ${figure.seconds} s, peak RSS +${figure.peakRssGrowthMb} MB`);
  return figure;
}

/** The scan nodes of a plan, e.g. "Index Scan using cases_registered_idx on cases c", "Seq Scan on cases". */
function scansOf(plan: string): string[] {
  const scans = plan.split('\n').flatMap((line) => {
    const m = /((?:Parallel )?(?:Seq Scan|Index Scan Backward|Index Scan|Index Only Scan|Bitmap Index Scan|Bitmap Heap Scan)(?: using| on) [^\s(]+(?: on [^\s(]+)?(?: \w+)?)/.exec(line);
    return m ? [m[1]] : [];
  });
  return [...new Set(scans)];
}

export async function runReadModel(
  dataSource: DataSource,
  options: { cases: number; repeats: number; stateTemplate: Record<string, unknown>; targetMs: number },
): Promise<ReadModelResult> {
  const seedStarted = performance.now();
  for (const { unit, parentId } of benchOrgUnits()) await insertOrgUnit(dataSource, unit, parentId);
  const units: { id: string; path: string }[] = await dataSource.query('SELECT id, path FROM org_units ORDER BY path');
  const CHUNK = 50_000;
  for (const [table, trigger] of COUNTER_TRIGGERS) await dataSource.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
  for (let lo = 1; lo <= options.cases; lo += CHUNK) {
    const hi = Math.min(options.cases, lo + CHUNK - 1);
    await dataSource.query(INSERT_CHUNK, [
      lo,
      hi,
      JSON.stringify(options.stateTemplate),
      units.map((u) => u.id),
      units.map((u) => u.path),
      DEMO_USERS.supervisor1.id,
      OPEN_STAGES,
      DEMO_USERS.officer1.id,
      DEMO_USERS.officer2.id,
      DEMO_USERS.intake1.id,
    ]);
    if (hi % 200_000 === 0 || hi === options.cases) console.log(`[bench] read model: ${hi} cases inserted`);
  }
  for (const [table, trigger] of COUNTER_TRIGGERS) await dataSource.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
  const rebuildStarted = performance.now();
  await dataSource.query('SELECT dashboard_counters_rebuild()');
  const counterRebuildSeconds = (performance.now() - rebuildStarted) / 1000;
  console.log(`[bench] read model: dashboard counters rebuilt in ${Math.round(counterRebuildSeconds)} s`);
  // A few declared conflicts of the supervisor who reads, so the sight rule and the dashboard's correction have work.
  await dataSource.query(`UPDATE cases SET recused_user_ids = ARRAY[$1::text] WHERE hashtext(id::text) % 5000 = 0`, [DEMO_USERS.supervisor1.id]);
  await dataSource.query('VACUUM ANALYZE cases');
  await dataSource.query('VACUUM ANALYZE audit_events');
  await dataSource.query('VACUUM ANALYZE case_counts, case_due_counts, stage_visit_stats, review_outcome_counts');
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const [counts] = await dataSource.query(
    `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM audit_events)::int AS events, (SELECT count(*) FROM org_units)::int AS units,
            pg_size_pretty(pg_total_relation_size('cases')) AS cases_size, pg_size_pretty(pg_total_relation_size('audit_events')) AS events_size`,
  );

  const reads = new CaseReadRepository(dataSource);
  const dashboard = new DashboardRepository(dataSource);
  const root = units.find((u) => u.id === DEMO_ORG_UNITS.commission.id)!.path;
  const terms = ['拖延', '噪音', '积水', '敷衍'];
  // What the API's task inbox does (CaseQueriesService.tasks): the candidates, then the domain decides on each.
  const inbox = async (user: (typeof DEMO_USERS)['officer1' | 'supervisor1'], isSupervisor: boolean) => {
    const actor = { userId: user.id, username: user.username, displayName: user.displayName, roles: [...user.roles], orgUnitId: user.orgUnitId };
    return awaitedTasks(await reads.taskCandidates(root, user.id, isSupervisor, false), actor, new Date());
  };
  let termIndex = 0;
  // As the API asks (caseListScope): the subtree, less the cases the supervisor is recused from.
  const base = { orgPath: root, notRecused: DEMO_USERS.supervisor1.id, sort: 'registeredAt' as const, order: 'desc' as const, page: 1, pageSize: 20 };
  const kinds: { name: string; description: string; run: () => Promise<unknown> }[] = [
    { name: 'list', description: 'GET /api/cases as a city supervisor: whole subtree less recusals, newest first, page 1 of 20, with total (counted up to 10,001)', run: () => reads.list(base) },
    {
      name: 'list (no sight rule)',
      description: 'the same list without the recusal condition: what the sight rule costs is the difference from "list"',
      run: () => reads.list({ ...base, notRecused: undefined }),
    },
    {
      name: 'filter',
      description: 'GET /api/cases?stage=VERIFICATION&channel=PUBLIC (city subtree, page 1 of 20, with total)',
      run: () => reads.list({ ...base, stage: 'VERIFICATION', channel: 'PUBLIC' }),
    },
    {
      name: 'search',
      description: 'GET /api/cases?q=<term> (ILIKE on title, summary, number, subject name; terms rotate over 拖延, 噪音, 积水, 敷衍)',
      run: () => reads.list({ ...base, text: terms[termIndex++ % terms.length] }),
    },
    {
      name: 'inbox (officer)',
      description: 'GET /api/cases/tasks as officer1: taskCandidates over the city subtree, then the domain (awaitedTasks) on each',
      run: () => inbox(DEMO_USERS.officer1, false),
    },
    {
      name: 'inbox (supervisor)',
      description: 'GET /api/cases/tasks as supervisor1: taskCandidates over the city subtree, then the domain (awaitedTasks) on each',
      run: () => inbox(DEMO_USERS.supervisor1, true),
    },
    { name: 'dashboard', description: 'DashboardRepository.figures for the city subtree (six queries in parallel, over counters and the due-date index)', run: () => dashboard.figures(root, new Date(), 3 * 86_400_000, DEMO_USERS.supervisor1.id) },
  ];

  const queries: QueryFigure[] = [];
  for (const kind of kinds) {
    for (let i = 0; i < 3; i++) await kind.run(); // warm-up: caches, prepared plans
    const statements = await statementsOf(dataSource, kind.run);
    const samples: number[] = [];
    for (let i = 0; i < options.repeats; i++) {
      const t = performance.now();
      await kind.run();
      samples.push(performance.now() - t);
    }
    const plans = [];
    for (const s of statements) {
      const plan = await explainStatement(dataSource, s, 'ANALYZE, BUFFERS');
      const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
      plans.push({ sql: s.query.replace(/\s+/g, ' ').trim(), params: s.parameters, settings: s.settings, executionMs, scans: scansOf(plan), plan });
    }
    const latencyMs = summarize(samples);
    const met = latencyMs.p99 <= options.targetMs;
    queries.push({
      name: kind.name,
      description: kind.description,
      latencyMs,
      targetMs: options.targetMs,
      met,
      ...(met ? {} : { overBy: Math.round((latencyMs.p99 / options.targetMs) * 10) / 10 }),
      plans,
    });
    console.log(`[bench] read model ${kind.name}: p50 ${latencyMs.p50} ms, p99 ${latencyMs.p99} ms`);
    for (const p of plans) console.log(`[bench]   ${p.executionMs} ms: ${p.scans.join('; ')}`);
  }
  const exportFilter = { ...base, sort: 'registeredAt' as const, order: 'desc' as const };
  const exportFigures = [
    await measureExport(dataSource, exportFilter, 'csv', EXPORT_ROWS),
    await measureExport(dataSource, exportFilter, 'xlsx', EXPORT_ROWS),
  ];
  return {
    cases: counts.cases,
    auditEvents: counts.events,
    orgUnits: counts.units,
    seedSeconds: Math.round(seedSeconds),
    counterRebuildSeconds: Math.round(counterRebuildSeconds),
    tableSizes: { cases: counts.cases_size, audit_events: counts.events_size },
    repeats: options.repeats,
    queries,
    exports: exportFigures,
  };
}
