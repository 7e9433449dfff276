import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { CASE_WORKFLOW_TYPE, FAULT_TOLERANCE_REVIEW_WORKFLOW_TYPE, caseWorkflowId, type CaseDeadline, type CaseState, type CaseWorkflow, type CaseWorkflowInput } from '@dandang/contracts';
import { calendarPublishedSignal, caseActionUpdates, caseStateQuery, registerClueUpdate, reviewActionUpdates } from '@dandang/workflow-messages';
import { CHINA_CALENDAR_2025_2026, DEFAULT_POLICY } from '@dandang/domain';
import {
  SEALED_PAYLOAD_ENCODING,
  aDemoCaseInput,
  SINGLE_PATH_POLICY,
  demoActor,
  parseMasterKeys,
  sealedDataConverter,
  startCaseWorkerHarness,
  testServices,
  type CaseWorkerHarness,
} from '@dandang/testing';

const HISTORIES = join(__dirname, '..', '..', 'test', 'histories');
/**
 * The key recorded histories are sealed with (the product's payload codec, as a worker seals them). A test key,
 * committed beside the histories so that every run can open them; it seals nothing but these demo cases.
 */
const HISTORY_KEYS = parseMasterKeys(readFileSync(join(HISTORIES, 'history-master-keys.test-only'), 'utf8'));

/** A scenario's saved history: one file per scenario, named for it; recording again overwrites it. */
function historyFile(scenario: string): string {
  return join(HISTORIES, `${scenario}.json`);
}

/** Drives a case through every stage and saves its history, then the scenarios that share its worker (each as named). */
async function recordLifecycleHistory(records: (scenario: string) => boolean): Promise<void> {
  const h = await startCaseWorkerHarness({ masterKeys: HISTORY_KEYS });
  try {
    if (records('case-lifecycle-served')) await recordServedHistory(h);
    if (records('case-stage-clock-drill')) await recordStageClockHistory(h);
    if (records('case-inquiry-rounds')) await recordInquiryHistory(h);
    if (records('case-procedures')) await recordProcedureHistory(h);
    if (records('case-fault-tolerance-exempted') || records('fault-tolerance-review-exemption')) await recordFaultToleranceHistory(h, records);
  } finally {
    await h.close();
  }
}

/** Registers the case as the API does (Update-with-Start); its workflow's handle. */
async function registerCase(h: CaseWorkerHarness, input: CaseWorkflowInput) {
  await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
      workflowId: caseWorkflowId(input.caseId), taskQueue: h.taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL',
    }),
  });
  return h.client.workflow.getHandle(caseWorkflowId(input.caseId));
}

/** A case through every stage, to its service, on the single path of a policy pinned before the two procedures. */
async function recordServedHistory(h: CaseWorkerHarness): Promise<void> {
  const input = aDemoCaseInput({ policy: SINGLE_PATH_POLICY });
  const handle = await registerCase(h, input);
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
}

/** A case with stage clocks: every rung fires, then an extension and a suspension. */
async function recordStageClockHistory(h: CaseWorkerHarness): Promise<void> {
  const policy = { ...DEFAULT_POLICY, version: 'drill-replay', stageLimits: { INTAKE: { amount: 2, unit: 'SECOND' as const }, DISPOSITION: { amount: 600, unit: 'SECOND' as const } }, maxExtensions: { DISPOSITION: 60 } };
  const input = aDemoCaseInput({ policy, calendar: CHINA_CALENDAR_2025_2026 });
  const handle = await registerCase(h, input);
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

/** An inquiry by letter whose reply clock (a drill's seconds) runs out before the reply, concluded by verification. */
async function recordInquiryHistory(h: CaseWorkerHarness): Promise<void> {
  const policy = {
    ...DEFAULT_POLICY,
    version: 'drill-inquiry-replay',
    stepLimits: { INQUIRY_REPLY: { amount: 2, unit: 'SECOND' as const }, INQUIRY_CONCLUSION: { amount: 600, unit: 'SECOND' as const } },
  };
  const input = aDemoCaseInput({ policy, calendar: CHINA_CALENDAR_2025_2026 });
  const handle = await registerCase(h, input);
  const officer = demoActor('officer1');
  const send = (action: keyof typeof caseActionUpdates, actor: ReturnType<typeof demoActor>, payload: object) =>
    handle.executeUpdate(caseActionUpdates[action] as never, { args: [{ actor, payload }] as never });
  const now = () => new Date().toISOString();
  await send('acceptClue', officer, {});
  await send('proposeDisposition', officer, { disposition: 'TALK_OR_LETTER_INQUIRY', reason: '函询' });
  await send('approve', demoActor('supervisor1'), {});
  await send('sendInquiryLetter', officer, { sentAt: now() });
  await send('recordInquiryLetterReceipt', officer, { receivedAt: now() });
  for (let i = 0; i < 100 && !(await handle.query(caseStateQuery)).deadline?.supervised; i++) await new Promise((r) => setTimeout(r, 100));
  await send('recordInquiryReply', officer, { receivedAt: now(), summary: '逾期回复' });
  await send('proposeInquiryConclusion', officer, { outcome: 'VERIFY', reason: '回复避重就轻，转初核' });
  await send('approve', demoActor('supervisor2'), {});
  writeFileSync(historyFile('case-inquiry-rounds'), historyToJSON(await handle.fetchHistory()));
}

/**
 * A discipline case of two persons: one statement's clock (a drill's seconds) runs out before the answer, the other is
 * answered; 审理 agrees; a meeting that does not carry, then one that decides; the announcement's clock fires before
 * the announcement is recorded, and the decision is served.
 */
async function recordProcedureHistory(h: CaseWorkerHarness): Promise<void> {
  const policy = {
    ...DEFAULT_POLICY,
    version: 'drill-procedures-replay',
    stepLimits: { ...DEFAULT_POLICY.stepLimits, STATEMENT: { amount: 2, unit: 'SECOND' as const }, ANNOUNCEMENT: { amount: 2, unit: 'SECOND' as const } },
  };
  const input = aDemoCaseInput({ policy, calendar: CHINA_CALENDAR_2025_2026 });
  const handle = await registerCase(h, input);
  const officer = demoActor('officer1');
  const send = (action: keyof typeof caseActionUpdates, actor: ReturnType<typeof demoActor>, payload: object) =>
    handle.executeUpdate(caseActionUpdates[action] as never, { args: [{ actor, payload }] as never });
  const now = () => new Date().toISOString();
  const firedAll = async (clock: (s: CaseState) => CaseDeadline | undefined) => {
    for (let i = 0; i < 100 && !clock(await handle.query(caseStateQuery))?.supervised; i++) await new Promise((r) => setTimeout(r, 100));
  };
  await send('acceptClue', officer, {});
  await send('proposeDisposition', officer, { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' });
  await send('approve', demoActor('supervisor1'), {});
  await send('submitVerificationReport', officer, { finding: 'PROPOSE_CASE_FILING', summary: '建议立案' });
  await send('approve', demoActor('supervisor2'), { investigationTeam: [demoActor('officer2').userId] });
  await send('addPersonConcerned', officer, { kind: 'INDIVIDUAL', name: '李副局长', position: '分管副局长', orgUnitId: input.registration.orgUnitId, reason: '分管' });
  await send('addEvidence', officer, { kind: 'DOCUMENT', description: '会议记录' });
  await send('presentFactMaterials', officer, { personId: 'P1', presentedAt: now() });
  await send('presentFactMaterials', officer, { personId: 'P2', presentedAt: now() });
  await send('recordStatement', officer, { personId: 'P2', receivedAt: now(), summary: '无异议', signature: 'SIGNED' });
  await firedAll((s) => s.persons?.[0].statement?.deadline);
  const sanction = (personId: string, subtype: string) => ({ personId, responsibilityLevel: 'DIRECT', forms: [{ form: 'DISCIPLINARY_SANCTION', subtype }], leniency: 'NORMAL' });
  await send('submitInvestigationReport', officer, { facts: '不作为属实', findings: [sanction('P1', 'SERIOUS_WARNING'), sanction('P2', 'WARNING')] });
  await send('approve', demoActor('supervisor1'), { comment: '同意' });
  await send('acceptForTrial', demoActor('reviewer1'), { note: '受理' });
  await send('recordTrialOpinion', demoActor('reviewer1'), { opinion: 'AGREE', reason: '定性准确' });
  const votes = (vote: string) => ['supervisor1', 'supervisor2', 'supervisor3'].map((u) => ({ memberId: demoActor(u as 'supervisor1').userId, vote, ...(vote === 'AGAINST' ? { opinion: '偏重' } : {}) }));
  await send('recordCollectiveDecision', demoActor('supervisor2'), { body: 'COMMISSION_STANDING_COMMITTEE', meetingAt: now(), memberCount: 5, votes: votes('AGAINST'), minutes: '未通过' });
  await send('recordCollectiveDecision', demoActor('supervisor2'), { body: 'COMMISSION_STANDING_COMMITTEE', meetingAt: now(), memberCount: 5, votes: votes('FOR'), minutes: '通过' });
  await firedAll((s) => s.announcement?.deadline);
  await send('announceDecision', officer, { announcedAt: now(), to: '本人及所在党支部' });
  await send('serveDecision', officer, { servedAt: now(), method: 'IN_PERSON' });
  writeFileSync(historyFile('case-procedures'), historyToJSON(await handle.fetchHistory()));
}

/** A case with a fault-tolerance review: exempted by two supervisors, then corrected. Saves the case's and the review's history, each as named. */
async function recordFaultToleranceHistory(h: CaseWorkerHarness, records: (scenario: string) => boolean): Promise<void> {
  const input = aDemoCaseInput({ calendar: CHINA_CALENDAR_2025_2026 });
  const handle = await registerCase(h, input);
  const officer = demoActor('officer1');
  const send = (action: keyof typeof caseActionUpdates, actor: ReturnType<typeof demoActor>, payload: object) =>
    handle.executeUpdate(caseActionUpdates[action] as never, { args: [{ actor, payload }] as never });
  await send('acceptClue', officer, {});
  await send('proposeDisposition', officer, { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' });
  await send('approve', demoActor('supervisor1'), {});
  await send('submitVerificationReport', officer, { finding: 'PROPOSE_CASE_FILING', summary: '建议立案' });
  await send('approve', demoActor('supervisor2'), { investigationTeam: [demoActor('officer2').userId] });
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
  // The exemption made known and the care visits, as its pinned policy owes them.
  await send('recordExemptionNotice', officer, { notifiedAt: new Date().toISOString(), scope: '本单位', note: '通报免责' });
  for (const visitId of ['V1', 'V2']) await send('recordFollowUpVisit', officer, { visitId, findings: '思想稳定' });
  await handle.result();
  if (records('case-fault-tolerance-exempted')) writeFileSync(historyFile('case-fault-tolerance-exempted'), historyToJSON(await handle.fetchHistory()));
  if (records('fault-tolerance-review-exemption')) writeFileSync(historyFile('fault-tolerance-review-exemption'), historyToJSON(await review.fetchHistory()));
}

/**
 * A named report whose reporter an intake officer asks to see: the custodian refuses, then approves a second request.
 * Adds nothing but Updates to the case's history, as a case running before the reveal existed would get.
 */
async function recordReporterRevealHistory(): Promise<void> {
  const h = await startCaseWorkerHarness({ masterKeys: HISTORY_KEYS });
  try {
    const custodian = demoActor('custodian1');
    const policy = { ...DEFAULT_POLICY, version: 'drill-reveal-replay', reporterIdentity: { custodianUserIds: [custodian.userId], custodianRoles: [], revealSeconds: 3600 } };
    const base = aDemoCaseInput({ policy });
    const input = { ...base, registration: { ...base.registration, anonymousReport: false } };
    await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(input.caseId), taskQueue: h.taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL',
      }),
    });
    const handle = h.client.workflow.getHandle(caseWorkflowId(input.caseId));
    const send = (action: keyof typeof caseActionUpdates, actor: ReturnType<typeof demoActor>, payload: object) =>
      handle.executeUpdate(caseActionUpdates[action] as never, { args: [{ actor, payload }] as never });
    const intake = demoActor('intake1');
    await send('requestReporterIdentity', intake, { reason: '需告知实名举报人受理情况' });
    await send('refuseReporterIdentity', custodian, { seq: 1, reason: '可书面答复' });
    await send('acceptClue', demoActor('officer1'), {});
    await send('requestReporterIdentity', intake, { reason: '书面答复被退回，需电话联系' });
    await send('approveReporterIdentity', custodian, { seq: 2, reason: '同意' });
    writeFileSync(historyFile('case-reporter-reveal'), historyToJSON(await handle.fetchHistory()));
  } finally {
    await h.close();
  }
}

/**
 * A case whose INTAKE clock runs into a year its calendar lacks; that year is published (the calendar-years-v2 patch
 * recounts the clock), then the case moves on and its next clock counts on the new years.
 */
async function recordCalendarPublishedHistory(): Promise<void> {
  const h = await startCaseWorkerHarness({ masterKeys: HISTORY_KEYS });
  try {
    // Years far ahead, so the clock's dates are still to come whenever it is recorded.
    const only2098 = { version: 'T-2098', years: { 2098: { holidays: [], makeupWorkdays: [] } } };
    const base = aDemoCaseInput({ calendar: only2098, registeredAt: '2098-12-26T02:00:00.000Z' });
    // Received when registered: INTAKE counts from the receipt (patch clocks-from-receipt).
    const input = { ...base, registration: { ...base.registration, receivedAt: base.registeredAt } };
    await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(input.caseId), taskQueue: h.taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL',
      }),
    });
    const handle = h.client.workflow.getHandle(caseWorkflowId(input.caseId));
    await handle.signal(calendarPublishedSignal, { version: 'T-2099', years: { ...only2098.years, 2099: { holidays: ['2099-01-01', '2099-01-02'], makeupWorkdays: [] } } });
    for (let i = 0; i < 100 && (await handle.query(caseStateQuery)).version < 2; i++) await new Promise((r) => setTimeout(r, 100));
    await handle.executeUpdate(caseActionUpdates.acceptClue, { args: [{ actor: demoActor('officer1'), payload: {} }] });
    writeFileSync(historyFile('case-calendar-published'), historyToJSON(await handle.fetchHistory()));
  } finally {
    await h.close();
  }
}

/** The scenarios that recording writes, one file each. */
const SCENARIOS = ['case-lifecycle-served', 'case-stage-clock-drill', 'case-inquiry-rounds', 'case-procedures', 'case-fault-tolerance-exempted', 'fault-tolerance-review-exemption', 'case-reporter-reveal', 'case-calendar-published'];

describe('saved case histories replay against the current workflow code', () => {
  // `1` records every scenario; a comma-separated list of names records those alone (a new one, leaving the rest).
  const recordOnly = process.env['DANDANG_RECORD_HISTORIES'];
  const recording = Boolean(recordOnly);
  const records = (scenario: string) => recordOnly === '1' || (recordOnly ?? '').split(',').includes(scenario);
  beforeAll(async () => {
    if (['case-lifecycle-served', 'case-stage-clock-drill', 'case-inquiry-rounds', 'case-procedures', 'case-fault-tolerance-exempted', 'fault-tolerance-review-exemption'].some(records)) {
      await recordLifecycleHistory(records);
    }
    if (records('case-reporter-reveal')) await recordReporterRevealHistory();
    if (records('case-calendar-published')) await recordCalendarPublishedHistory();
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

  it('holds histories recorded with the payload codec, whose payloads are sealed', () => {
    const sealed = Buffer.from(SEALED_PAYLOAD_ENCODING).toString('base64');
    expect(files.filter((file) => readFileSync(join(HISTORIES, file), 'utf8').includes(sealed)).length).toBeGreaterThan(0);
  });

  // Through the codec, as the worker replays: sealed payloads open, those from before the codec pass unchanged.
  it.each(files)('%s replays without a determinism error', async (file) => {
    const history = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { codePath: testServices().workflowBundlePath }, dataConverter: sealedDataConverter(HISTORY_KEYS) },
        history,
        `replay-${file}`,
      ),
    ).resolves.toBeUndefined();
  });
});
