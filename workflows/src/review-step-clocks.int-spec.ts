import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { PinnedPolicy, ReviewResult } from '@dandang/contracts';
import { reviewActionUpdates, reviewStateQuery } from '@dandang/workflow-messages';
import { CHINA_CALENDAR_2025_2026, DEFAULT_FAULT_TOLERANCE_POLICY, DEFAULT_POLICY } from '@dandang/domain';
import { AuditRepository } from '@dandang/persistence';
import { aCaseWithOpenReview, demoActor, startCaseWorkerHarness, type aDemoCaseInput, type CaseWorkerHarness } from '@dandang/testing';

/**
 * A drill: accepting the application is due 3 seconds after it is made, verifying 10 minutes after acceptance, with
 * 5 minutes more on a supervisor's approval.
 */
const drill = (): PinnedPolicy => ({
  ...DEFAULT_POLICY,
  version: `drill-review-clocks-${Date.now()}`,
  deadlineRules: { reminderPoints: [0.5, 0.8], yellowCardAt: 0.8, escalateAfter: 0.2 },
  faultTolerance: {
    ...DEFAULT_FAULT_TOLERANCE_POLICY,
    stepLimits: { ...DEFAULT_FAULT_TOLERANCE_POLICY.stepLimits, ACCEPT: { amount: 3, unit: 'SECOND' }, VERIFY: { amount: 600, unit: 'SECOND' } },
    verifyExtension: { amount: 300, unit: 'SECOND' },
  },
});

describe("a fault-tolerance review's step clocks (docs/domain.md §e rows 22–25)", () => {
  let h: CaseWorkerHarness;
  beforeAll(async () => {
    h = await startCaseWorkerHarness();
  });
  afterAll(() => h.close());

  async function caseWithReview(overrides: Parameters<typeof aDemoCaseInput>[0]) {
    const { input, state } = await aCaseWithOpenReview(h, overrides);
    return { input, review: h.client.workflow.getHandle(state.reviews![0].workflowId) };
  }

  const rungsInStream = async (caseId: string): Promise<{ version: number; kind: string; step: string }[]> =>
    (
      await h.dataSource.query(
        `SELECT version, payload->>'kind' AS kind, payload->>'step' AS step FROM audit_events
         WHERE case_id = $1 AND stream = 'review-1' AND action = 'reviewStepRung' ORDER BY version`,
        [caseId],
      )
    ).map((r: { version: number; kind: string; step: string }) => ({ version: Number(r.version), kind: r.kind, step: r.step }));

  it("fires the acceptance clock's rungs as events of the review's stream, then starts the verification clock on acceptance", async () => {
    const { input, review } = await caseWithReview({ policy: drill(), calendar: CHINA_CALENDAR_2025_2026 });
    const applied = await review.query(reviewStateQuery);
    expect(applied.deadline).toMatchObject({ step: 'ACCEPT', startedAt: applied.appliedAt, limit: { amount: 3, unit: 'SECOND' }, fired: [] });

    // Reminders at 50 % and 80 %, the yellow card (with the 80 % reminder), the red card, escalation at 120 %.
    const rungs = 5;
    const until = Date.now() + 60_000;
    while ((await rungsInStream(input.caseId)).length < rungs && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const fired = await rungsInStream(input.caseId);
    expect(fired.map((r) => r.kind)).toEqual(['REMINDER', 'REMINDER', 'YELLOW_CARD', 'RED_CARD', 'ESCALATION']);
    expect(fired.every((r) => r.step === 'ACCEPT')).toBe(true);
    expect(fired.map((r) => r.version)).toEqual([2, 3, 4, 5, 6]);
    expect(await review.query(reviewStateQuery)).toMatchObject({ version: 1 + rungs, deadline: { step: 'ACCEPT', card: 'RED', supervised: true } });
    // The review's own audit stream stays one unbroken chain with the rungs in it.
    expect(await new AuditRepository(h.dataSource).verifyChain(input.caseId)).toMatchObject({ valid: true });
    // And the rungs were noticed, under the review step's name.
    const [{ notices }] = await h.dataSource.query(`SELECT count(*)::int AS notices FROM notifications WHERE case_id = $1 AND body LIKE '%受理容错申请%'`, [input.caseId]);
    expect(notices).toBeGreaterThanOrEqual(1);

    // Accepted: the acceptance clock stops, the verification clock starts from the acceptance.
    const accepted = await review.executeUpdate(reviewActionUpdates.acceptApplication, { args: [{ actor: demoActor('officer2'), payload: {} }] });
    expect(accepted.state).toMatchObject({ status: 'ACCEPTED', deadline: { step: 'VERIFY', startedAt: accepted.state.acceptance!.at, fired: [], card: 'NONE' } });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await rungsInStream(input.caseId)).toHaveLength(rungs);
    const [row] = await h.dataSource.query(`SELECT state FROM fault_tolerance_reviews WHERE case_id = $1`, [input.caseId]);
    expect(row.state.deadline).toMatchObject({ step: 'VERIFY' });
  });

  it("moves the running verification deadline on by the policy's extension, once, on a supervisor's approval (§e row 23)", async () => {
    const { input, review } = await caseWithReview({ policy: drill(), calendar: CHINA_CALENDAR_2025_2026 });
    const step = (action: 'acceptApplication' | 'extendVerification', user: Parameters<typeof demoActor>[0], payload: object) =>
      review.executeUpdate(reviewActionUpdates[action] as never, { args: [{ actor: demoActor(user), payload }] as never }) as Promise<ReviewResult>;
    const reasonOf = async (attempt: Promise<unknown>) => {
      const e = await attempt.then(() => undefined, (err: unknown) => err);
      expect(e).toBeInstanceOf(WorkflowUpdateFailedError);
      return ((e as WorkflowUpdateFailedError).cause as ApplicationFailure).type;
    };
    // Before acceptance the review waits on ACCEPT: there is no verification to extend yet.
    expect(await reasonOf(step('extendVerification', 'supervisor1', { reason: '材料较多' }))).toBe('WRONG_STEP');

    const accepted = await step('acceptApplication', 'officer2', {});
    const verify = accepted.state.deadline!;
    expect(verify).toMatchObject({ step: 'VERIFY', limit: { amount: 600, unit: 'SECOND' } });
    // An officer of the inquiry team (who holds no SUPERVISOR role) does not approve it.
    expect(await reasonOf(step('extendVerification', 'officer2', { reason: '材料较多' }))).toBe('ROLE');

    const extended = await step('extendVerification', 'supervisor1', { reason: '材料较多' });
    expect(Date.parse(extended.state.deadline!.dueAt) - Date.parse(verify.dueAt)).toBe(300_000);
    expect(extended.state).toMatchObject({
      status: 'ACCEPTED',
      version: accepted.state.version + 1,
      deadline: { step: 'VERIFY', startedAt: verify.startedAt, extensions: [{ amount: 300, approvedBy: demoActor('supervisor1').userId, reason: '材料较多' }] },
      verificationExtension: { by: demoActor('supervisor1').userId, dueAt: extended.state.deadline!.dueAt },
    });
    expect(extended.event).toMatchObject({ action: 'extendVerification', stream: 'review-1', fromStage: 'ACCEPTED', toStage: 'ACCEPTED' });
    // Only once.
    expect(await reasonOf(step('extendVerification', 'supervisor2', { reason: '还需时间' }))).toBe('ALREADY_EXTENDED');

    // The workflow keeps the extended deadline, the read row and the review's own audit stream show it.
    expect((await review.query(reviewStateQuery)).deadline!.dueAt).toBe(extended.state.deadline!.dueAt);
    const [row] = await h.dataSource.query(`SELECT state FROM fault_tolerance_reviews WHERE case_id = $1`, [input.caseId]);
    expect(row.state.deadline).toMatchObject({ step: 'VERIFY', dueAt: extended.state.deadline!.dueAt });
    const [event] = await h.dataSource.query(
      `SELECT version, actor_role FROM audit_events WHERE case_id = $1 AND stream = 'review-1' AND action = 'extendVerification'`,
      [input.caseId],
    );
    expect({ version: Number(event.version), role: event.actor_role }).toEqual({ version: extended.state.version, role: 'SUPERVISOR' });
    expect(await new AuditRepository(h.dataSource).verifyChain(input.caseId)).toMatchObject({ valid: true });
  });

  it('keeps no clock for a review of a case without a calendar', async () => {
    const { input, review } = await caseWithReview({ policy: drill() });
    expect((await review.query(reviewStateQuery)).deadline).toBeUndefined();
    await new Promise((r) => setTimeout(r, 4_000));
    expect(await rungsInStream(input.caseId)).toEqual([]);
    expect((await review.query(reviewStateQuery)).version).toBe(1);
  });
});
