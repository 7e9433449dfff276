import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { CASE_WORKFLOW_TYPE, FAULT_TOLERANCE_REVIEW_WORKFLOW_TYPE, caseWorkflowId, type CaseWorkflow } from '@dandang/contracts';
import { caseActionUpdates, caseStateQuery, registerClueUpdate, reviewActionUpdates } from '@dandang/workflow-messages';
import { CHINA_CALENDAR_2025_2026, DEFAULT_POLICY } from '@dandang/domain';
import { aDemoCaseInput, demoActor, startCaseWorkerHarness, testServices, type CaseWorkerHarness } from '@dandang/testing';

const HISTORIES = join(__dirname, '..', '..', 'test', 'histories');

/** A scenario's saved history: one file per scenario, named for it; recording again overwrites it. */
function historyFile(scenario: string): string {
  return join(HISTORIES, `${scenario}.json`);
}

/** Drives a case through every stage and saves its history (DANDANG_RECORD_HISTORIES=1 only). */
async function recordLifecycleHistory(): Promise<void> {
  const h = await startCaseWorkerHarness();
  try {
    const input = aDemoCaseInput();
    await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(input.caseId), taskQueue: h.taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL',
      }),
    });
    const handle = h.client.workflow.getHandle(caseWorkflowId(input.caseId));
    const officer = demoActor('officer1');
    const steps: [keyof typeof caseActionUpdates, ReturnType<typeof demoActor>, Record<string, unknown> | (() => Record<string, unknown>)][] = [
      ['acceptClue', officer, {}],
      ['proposeDisposition', officer, { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' }],
      ['return', demoActor('supervisor1'), { reason: '理由不充分' }],
      ['proposeDisposition', officer, { disposition: 'PRELIMINARY_VERIFICATION', reason: '问题具体，需初核' }],
      ['approve', demoActor('supervisor1'), {}],
      ['submitVerificationReport', officer, { finding: 'PROPOSE_CASE_FILING', summary: '建议立案' }],
      ['approve', demoActor('supervisor2'), {}],
      ['addEvidence', officer, { kind: 'DOCUMENT', description: '会议记录' }],
      ['submitInvestigationReport', officer, { facts: '不作为属实', responsibilityLevel: 'DIRECT', forms: [{ form: 'ADMONISHMENT' }], leniency: 'NORMAL' }],
      ['approve', demoActor('supervisor1'), { comment: '同意' }],
      ['serveDecision', officer, () => ({ servedAt: new Date().toISOString(), method: 'IN_PERSON' })],
    ];
    for (const [action, actor, payload] of steps) {
      await handle.executeUpdate(caseActionUpdates[action] as never, { args: [{ actor, payload: typeof payload === 'function' ? payload() : payload }] as never });
    }
    writeFileSync(historyFile('case-lifecycle-served'), historyToJSON(await handle.fetchHistory()));
    await recordStageClockHistory(h);
    await recordFaultToleranceHistory(h);
  } finally {
    await h.close();
  }
}

/** A case with stage clocks: every rung fires, then an extension and a suspension. */
async function recordStageClockHistory(h: CaseWorkerHarness): Promise<void> {
  const policy = { ...DEFAULT_POLICY, version: 'drill-replay', stageLimits: { INTAKE: { amount: 2, unit: 'SECOND' as const }, DISPOSITION: { amount: 600, unit: 'SECOND' as const } }, maxExtensions: { DISPOSITION: 60 } };
  const input = aDemoCaseInput({ policy, calendar: CHINA_CALENDAR_2025_2026 });
  await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
      workflowId: caseWorkflowId(input.caseId), taskQueue: h.taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL',
    }),
  });
  const handle = h.client.workflow.getHandle(caseWorkflowId(input.caseId));
  for (let i = 0; i < 100 && !(await handle.query(caseStateQuery)).deadline?.supervised; i++) await new Promise((r) => setTimeout(r, 100));
  const officer = demoActor('officer1');
  const send = (action: keyof typeof caseActionUpdates, actor: ReturnType<typeof demoActor>, payload: object) =>
    handle.executeUpdate(caseActionUpdates[action] as never, { args: [{ actor, payload }] as never });
  await send('acceptClue', officer, {});
  await send('requestExtension', officer, { amount: 30, reason: '补充证据' });
  await send('approve', demoActor('supervisor1'), {});
  await send('requestSuspension', officer, { reason: '住院' });
  await send('approve', demoActor('supervisor2'), {});
  await send('resumeClock', officer, { reason: '出院' });
  writeFileSync(historyFile('case-stage-clock-drill'), historyToJSON(await handle.fetchHistory()));
}

/** A case with a fault-tolerance review: exempted by two supervisors, then corrected. Saves both histories. */
async function recordFaultToleranceHistory(h: CaseWorkerHarness): Promise<void> {
  const input = aDemoCaseInput({ calendar: CHINA_CALENDAR_2025_2026 });
  await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
      workflowId: caseWorkflowId(input.caseId), taskQueue: h.taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL',
    }),
  });
  const handle = h.client.workflow.getHandle(caseWorkflowId(input.caseId));
  const officer = demoActor('officer1');
  const send = (action: keyof typeof caseActionUpdates, actor: ReturnType<typeof demoActor>, payload: object) =>
    handle.executeUpdate(caseActionUpdates[action] as never, { args: [{ actor, payload }] as never });
  await send('acceptClue', officer, {});
  await send('proposeDisposition', officer, { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' });
  await send('approve', demoActor('supervisor1'), {});
  await send('submitVerificationReport', officer, { finding: 'PROPOSE_CASE_FILING', summary: '建议立案' });
  await send('approve', demoActor('supervisor2'), {});
  await send('addEvidence', officer, { kind: 'DOCUMENT', description: '会议纪要' });
  const applied = (await send('applyFaultTolerance', officer, { reasons: '单位申请' })) as { state: { reviews: { workflowId: string }[] } };
  const review = h.client.workflow.getHandle(applied.state.reviews[0].workflowId);
  const step = (action: keyof typeof reviewActionUpdates, actor: ReturnType<typeof demoActor>, payload: object) =>
    review.executeUpdate(reviewActionUpdates[action] as never, { args: [{ actor, payload }] as never });
  await step('acceptApplication', demoActor('officer2'), {});
  await step('submitAssessment', demoActor('supervisor3'), {
    distinctions: { wasDeliberate: false, wasExplicitlyProhibited: false, soughtPersonalGain: false },
    checklist: {
      forPublicInterest: true, noProhibitionViolated: true, notDeliberate: true, followedDecisionProcedure: true, inReformOrExploration: true,
      unclearPolicyBoundary: false, remedialMeasuresTaken: true, cooperatedWithInquiry: true, dissentRecorded: false, forceMajeureOrUnforeseeable: false,
    },
    harmCaused: false, exclusionIds: [], substitution: { comparableOfficialWouldHaveActedSame: true }, elementNotes: {},
    history: { priorToleratedErrors: 0, priorAccountabilityCases: 0 },
  });
  await step('determineTolerance', demoActor('supervisor1'), { outcome: 'EXEMPTION' });
  await step('determineTolerance', demoActor('supervisor2'), { outcome: 'EXEMPTION' });
  for (let i = 0; i < 100 && (await handle.query(caseStateQuery)).stage !== 'CLOSED'; i++) await new Promise((r) => setTimeout(r, 100));
  await step('notifyApplicant', demoActor('officer2'), { method: 'IN_PERSON', note: '已反馈' });
  await step('fileForRecord', demoActor('officer2'), { recipient: '组织部', note: '已报备' });
  await review.result();
  await send('openCorrectionPlan', demoActor('supervisor1'), { items: [{ owner: demoActor('officer2').userId, action: '完善制度', severity: 'LOW' }] });
  await send('completeCorrectionItem', demoActor('officer2'), { itemId: 'C1', evidence: '制度已印发' });
  await send('verifyCorrectionItem', demoActor('supervisor1'), { itemId: 'C1' });
  await handle.result();
  writeFileSync(historyFile('case-fault-tolerance-exempted'), historyToJSON(await handle.fetchHistory()));
  writeFileSync(historyFile('fault-tolerance-review-exemption'), historyToJSON(await review.fetchHistory()));
}

/** The scenarios that recording writes, one file each. */
const SCENARIOS = ['case-lifecycle-served', 'case-stage-clock-drill', 'case-fault-tolerance-exempted', 'fault-tolerance-review-exemption'];

describe('saved case histories replay against the current workflow code', () => {
  const recording = Boolean(process.env['DANDANG_RECORD_HISTORIES']);
  beforeAll(async () => {
    if (recording) await recordLifecycleHistory();
  });

  // Every file in the folder (the tests are listed before recording runs, so a recording run adds its own).
  mkdirSync(HISTORIES, { recursive: true });
  const saved = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));
  const files = [...new Set([...saved, ...(recording ? SCENARIOS.map((s) => `${s}.json`) : [])])].sort();

  it('has saved histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('holds a history of every workflow type the worker runs', () => {
    const typeOf = (file: string): string | undefined =>
      JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')).events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name;
    expect(new Set(files.map(typeOf))).toEqual(new Set([CASE_WORKFLOW_TYPE, FAULT_TOLERANCE_REVIEW_WORKFLOW_TYPE]));
  });

  it.each(files)('%s replays without a determinism error', async (file) => {
    const history = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: testServices().workflowBundlePath } }, history, `replay-${file}`),
    ).resolves.toBeUndefined();
  });
});
