import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { CASE_WORKFLOW_TYPE, caseWorkflowId, type CaseState } from '@dandang/contracts';
import { caseStateQuery } from '@dandang/workflow-messages';
import { AuditRepository, ConsistencyRepository, type StoredCaseRow } from '@dandang/persistence';

/** What differs between one case's workflow, its read-model row and its audit trail. */
export interface CaseDifference {
  caseId: string;
  kind: 'READ_MODEL' | 'MISSING_ROW' | 'WORKFLOW_NOT_FOUND' | 'WORKFLOW_UNREADABLE' | 'AUDIT_CHAIN' | 'AUDIT_EVENTS';
  /** The column or `state.<path>` that differs (READ_MODEL only). */
  field?: string;
  readModel?: unknown;
  workflow?: unknown;
  detail: string;
}

export interface CaseReport {
  caseId: string;
  consistent: boolean;
  workflowVersion?: number;
  readModelVersion?: number;
  differences: CaseDifference[];
  /** Set by repair: the row was re-projected from the workflow's state. */
  repaired?: boolean;
  /** The read-model differences found before the repair (`differences` are what remains after it). */
  repairedDifferences?: CaseDifference[];
}

export interface VerifyReport {
  checked: number;
  consistent: boolean;
  cases: CaseReport[];
}

export interface VerifyDeps {
  client: Client;
  dataSource: DataSource;
  /** Task queue of the case workflows: workflows without a read-model row are found through visibility on it. */
  taskQueue?: string;
  /** How long one workflow query may take before the case is reported unreadable. */
  queryTimeoutMs?: number;
}

const MAX_STATE_PATHS = 20;

/** Columns the projection derives from the workflow state, as they should read. */
export function expectedColumns(state: CaseState): Omit<StoredCaseRow, 'state'> {
  const r = state.registration;
  const iso = (v: string) => new Date(v).toISOString();
  return {
    id: state.caseId,
    number: state.number,
    title: r.title,
    summary: r.summary,
    channel: r.channel,
    intakeMethod: r.intakeMethod,
    stage: state.stage,
    orgUnitId: r.orgUnitId,
    subjectName: r.subject.name,
    subjectPosition: r.subject.position,
    subjectOrgUnitId: r.subject.orgUnitId,
    subjectUserId: r.subject.userId ?? null,
    assigneeId: state.assigneeId ?? null,
    hasPendingApproval: Boolean(state.pendingApproval),
    receivedAt: iso(r.receivedAt),
    registeredAt: iso(state.registeredAt),
    stageEnteredAt: iso(state.stageEnteredAt),
    version: state.version,
    dueAt: state.deadline?.dueAt ? iso(state.deadline.dueAt) : null,
    card: state.deadline?.card ?? 'NONE',
    supervised: state.deadline?.supervised ?? false,
    clockSuspended: Boolean(state.deadline?.suspension),
  };
}

/** JSON paths at which two JSON values differ (object key order does not matter), at most `limit`. */
export function jsonDifferences(a: unknown, b: unknown, path = 'state', limit = MAX_STATE_PATHS): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, p: string) => {
    if (out.length >= limit) return;
    if (x === y) return;
    const bothObjects = x !== null && y !== null && typeof x === 'object' && typeof y === 'object';
    if (!bothObjects || Array.isArray(x) !== Array.isArray(y)) {
      out.push(p);
      return;
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) out.push(`${p}.length`);
      for (let i = 0; i < Math.min(x.length, y.length); i++) walk(x[i], y[i], `${p}[${i}]`);
      return;
    }
    const xo = x as Record<string, unknown>;
    const yo = y as Record<string, unknown>;
    for (const k of new Set([...Object.keys(xo), ...Object.keys(yo)])) walk(xo[k], yo[k], `${p}.${k}`);
  };
  walk(a, b, path);
  return out;
}

/** Every difference between a stored row and the workflow's state (pure; no I/O). */
export function diffReadModel(row: StoredCaseRow, state: CaseState): CaseDifference[] {
  const expected = expectedColumns(state);
  const differences: CaseDifference[] = [];
  for (const [field, want] of Object.entries(expected)) {
    const have = row[field as keyof StoredCaseRow];
    if (have !== want) {
      differences.push({ caseId: state.caseId, kind: 'READ_MODEL', field, readModel: have, workflow: want, detail: `${field} differs` });
    }
  }
  // The workflow's state as it would be stored: JSON drops undefined fields, as the projection's JSON.stringify does.
  const stored = JSON.parse(JSON.stringify(state));
  for (const path of jsonDifferences(row.state, stored)) {
    differences.push({ caseId: state.caseId, kind: 'READ_MODEL', field: path, readModel: pick(row.state, path), workflow: pick(stored, path), detail: `${path} differs` });
  }
  return differences;
}

function pick(value: unknown, path: string): unknown {
  const steps = path.replace(/^state/, '').match(/\.[^.[]+|\[\d+\]/g) ?? [];
  let v: unknown = value;
  for (const step of steps) {
    if (v === null || typeof v !== 'object') return undefined;
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1);
    v = key === 'length' && Array.isArray(v) ? v.length : (v as Record<string | number, unknown>)[key];
  }
  return v;
}

type WorkflowRead = { state: CaseState } | { difference: CaseDifference };

async function readWorkflow(deps: VerifyDeps, caseId: string): Promise<WorkflowRead> {
  try {
    const handle = deps.client.workflow.getHandle(caseWorkflowId(caseId));
    const state = await deps.client.connection.withDeadline(Date.now() + (deps.queryTimeoutMs ?? 10_000), () =>
      handle.query(caseStateQuery),
    );
    return { state };
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) {
      return { difference: { caseId, kind: 'WORKFLOW_NOT_FOUND', detail: `workflow ${caseWorkflowId(caseId)} not found` } };
    }
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    const message = e instanceof Error ? `${e.message}${cause}` : String(e);
    return { difference: { caseId, kind: 'WORKFLOW_UNREADABLE', detail: `query of ${caseWorkflowId(caseId)} failed: ${message}` } };
  }
}

/** Compares one case: its row against its workflow's state, and its audit trail against both. */
export async function compareCase(deps: VerifyDeps, caseId: string): Promise<CaseReport> {
  const store = new ConsistencyRepository(deps.dataSource);
  const [row, read, chain, auditVersions] = await Promise.all([
    store.findRow(caseId),
    readWorkflow(deps, caseId),
    new AuditRepository(deps.dataSource).verifyChain(caseId),
    store.auditVersions(caseId),
  ]);
  const differences: CaseDifference[] = [];
  const state = 'state' in read ? read.state : undefined;
  if ('difference' in read) differences.push(read.difference);
  if (!row) differences.push({ caseId, kind: 'MISSING_ROW', workflow: state?.version, detail: 'no row in the read model (cases)' });
  if (row && state) differences.push(...diffReadModel(row, state));
  if (!chain.valid) {
    differences.push({
      caseId,
      kind: 'AUDIT_CHAIN',
      detail: `audit chain broken at version ${chain.brokenAt?.version}: ${chain.brokenAt?.problem}`,
    });
  }
  // Every accepted change of the workflow is one audit event: versions 1..V, none missing, none extra.
  const expectedVersion = state?.version ?? row?.version;
  const last = auditVersions.at(-1) ?? 0;
  if (expectedVersion !== undefined && (auditVersions.length !== expectedVersion || last !== expectedVersion)) {
    differences.push({
      caseId,
      kind: 'AUDIT_EVENTS',
      readModel: auditVersions.length,
      workflow: expectedVersion,
      detail: `audit trail holds ${auditVersions.length} events (last version ${last}); the case is at version ${expectedVersion}`,
    });
  }
  return { caseId, consistent: differences.length === 0, workflowVersion: state?.version, readModelVersion: row?.version, differences };
}

/** Case ids known to the read model, plus (with a task queue) those of case workflows that have no row. */
export async function listCaseIds(deps: VerifyDeps): Promise<string[]> {
  const ids = new Set(await new ConsistencyRepository(deps.dataSource).listCaseIds());
  if (deps.taskQueue) {
    const query = `WorkflowType = '${CASE_WORKFLOW_TYPE}' AND TaskQueue = '${deps.taskQueue.replace(/'/g, "''")}'`;
    for await (const wf of deps.client.workflow.list({ query })) {
      if (wf.workflowId.startsWith('case-')) ids.add(wf.workflowId.slice('case-'.length));
    }
  }
  return [...ids];
}

export interface VerifyOptions {
  caseIds?: string[];
  /** Re-project the workflow's state into the row of every case whose read model differs. */
  repair?: boolean;
  concurrency?: number;
  /** A difference seen once may be a projection in flight: cases that differ are compared again after this delay. */
  settleMs?: number;
  onCase?: (report: CaseReport) => void;
}

/** Re-projects the workflow's state into the read model (never the audit trail), then compares again. */
export async function repairCase(deps: VerifyDeps, caseId: string): Promise<CaseReport> {
  const read = await readWorkflow(deps, caseId);
  if ('difference' in read) return compareCase(deps, caseId);
  await new ConsistencyRepository(deps.dataSource).reproject(read.state);
  return { ...(await compareCase(deps, caseId)), repaired: true };
}

const repairable = (r: CaseReport) => r.differences.some((d) => d.kind === 'READ_MODEL' || d.kind === 'MISSING_ROW');

/** Compares every case (or `caseIds`), optionally repairing read-model differences. */
export async function verifyCases(deps: VerifyDeps, options: VerifyOptions = {}): Promise<VerifyReport> {
  const ids = options.caseIds ?? (await listCaseIds(deps));
  const reports: CaseReport[] = new Array(ids.length);
  let next = 0;
  const settle = options.settleMs ?? 500;
  const lane = async () => {
    while (next < ids.length) {
      const i = next++;
      let report = await compareCase(deps, ids[i]);
      if (!report.consistent && settle > 0) {
        await new Promise((r) => setTimeout(r, settle));
        report = await compareCase(deps, ids[i]);
      }
      if (!report.consistent && options.repair && repairable(report)) {
        const found = report.differences.filter((d) => d.kind === 'READ_MODEL' || d.kind === 'MISSING_ROW');
        report = { ...(await repairCase(deps, ids[i])), repairedDifferences: found };
      }
      reports[i] = report;
      options.onCase?.(report);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, Math.max(ids.length, 1)) }, lane));
  return { checked: ids.length, consistent: reports.every((r) => r.consistent), cases: reports };
}
