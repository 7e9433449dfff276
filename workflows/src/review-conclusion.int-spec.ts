import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { ToleranceReviewConcluded } from '@dandang/contracts';
import { caseStateQuery, concludeToleranceReviewUpdate, reviewActionUpdates } from '@dandang/workflow-messages';
import { aCaseWithOpenReview, demoActor, startCaseWorkerHarness, type CaseWorkerHarness } from '@dandang/testing';

/** The review → case conclusion is an Update whose validator refuses what the case does not wait for. */
describe('the conclusion of a fault-tolerance review, as the case workflow takes it', () => {
  let h: CaseWorkerHarness;
  beforeAll(async () => {
    h = await startCaseWorkerHarness();
  });
  afterAll(() => h.close());

  /** A case under investigation with one open review. */
  const caseWithOpenReview = () => aCaseWithOpenReview(h);

  const refusalOf = async (p: Promise<unknown>): Promise<string | undefined> => {
    const e = await p.then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(WorkflowUpdateFailedError);
    return ((e as WorkflowUpdateFailedError).cause as ApplicationFailure).type ?? undefined;
  };

  it('refuses a forged or ill-formed conclusion in the validator and leaves the case as it was', async () => {
    const { handle, state } = await caseWithOpenReview();
    const review = state.reviews![0];
    const forged: ToleranceReviewConcluded = { reviewId: 'forged-review', declined: false, outcome: 'EXEMPTION', at: new Date().toISOString() };
    expect(await refusalOf(handle.executeUpdate(concludeToleranceReviewUpdate, { args: [forged] }))).toBe('UNKNOWN_REVIEW');
    const illFormed = { reviewId: review.reviewId, declined: false, outcome: 'PARDON', at: 'now' } as unknown as ToleranceReviewConcluded;
    expect(await refusalOf(handle.executeUpdate(concludeToleranceReviewUpdate, { args: [illFormed] }))).toBe('INVALID_INPUT');

    const after = await handle.query(caseStateQuery);
    expect(after).toMatchObject({ stage: 'INVESTIGATION', version: state.version, reviews: [{ reviewId: review.reviewId, status: 'OPEN' }] });
    expect(after.tolerance).toBeUndefined();
    // A refused Update writes nothing to the history.
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === concludeToleranceReviewUpdate.name)).toEqual([]);
  });

  it('takes the conclusion the review sends when it is determined, and closes an exempted case', async () => {
    const { handle, state } = await caseWithOpenReview();
    const review = h.client.workflow.getHandle(state.reviews![0].workflowId);
    const step = (action: keyof typeof reviewActionUpdates, user: Parameters<typeof demoActor>[0], payload: object) =>
      review.executeUpdate(reviewActionUpdates[action] as never, { args: [{ actor: demoActor(user), payload }] as never });
    await step('acceptApplication', 'officer2', {});
    await step('submitAssessment', 'supervisor3', {
      distinctions: { wasDeliberate: false, wasExplicitlyProhibited: false, soughtPersonalGain: false },
      checklist: {
        forPublicInterest: true, noProhibitionViolated: true, notDeliberate: true, followedDecisionProcedure: true, inReformOrExploration: true,
        unclearPolicyBoundary: false, remedialMeasuresTaken: true, cooperatedWithInquiry: true, dissentRecorded: false, forceMajeureOrUnforeseeable: false,
      },
      harmCaused: false, exclusionIds: [], substitution: { comparableOfficialWouldHaveActedSame: true }, elementNotes: {},
      history: { priorToleratedErrors: 0, priorAccountabilityCases: 0 },
    });
    await step('determineTolerance', 'supervisor1', { outcome: 'EXEMPTION' });
    await step('determineTolerance', 'supervisor2', { outcome: 'EXEMPTION' });
    // The determining step answers once the case has the conclusion: no polling.
    expect(await handle.query(caseStateQuery)).toMatchObject({ stage: 'CLOSED', closure: { kind: 'EXEMPTED' }, reviews: [{ status: 'DETERMINED', outcome: 'EXEMPTION' }] });
    const caseEvents = (await handle.fetchHistory()).events ?? [];
    expect(caseEvents.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === concludeToleranceReviewUpdate.name)).toBe(true);
    expect(caseEvents.some((e) => e.workflowExecutionSignaledEventAttributes)).toBe(false);
  });
});
