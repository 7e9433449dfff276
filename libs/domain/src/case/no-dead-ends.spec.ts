import type { ActionName, ActionPayloads, Actor, CaseState } from '@dandang/contracts';
import { aCaseAt, aRequest, andThenAdmitted, aSupervisor, aboutOfficial, anActor, minutesAfter, refusalOf, type DrivenCase } from '@dandang/testing/factories';
import { checkAction } from './check-action';
import { DomainErrorCode } from '../errors';
import { fireClockEvent, nextClockEvent } from '../aftercare/clocks';
import { openAftercare } from '../aftercare/open-aftercare';
import { runningStepClocks } from '../aftercare/step-clocks';
import { CHINA_CALENDAR_2025_2026 } from '../calendar/china-calendar-data';
import { DEFAULT_POLICY } from '../policy/default-policy';

/** No dead ends, no silent endings: every outcome the rules name, and a way on from every waiting stage. */

const clock = { calendar: CHINA_CALENDAR_2025_2026 };
const act = <A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A]) => andThenAdmitted(c, action, actor, payload, clock);
const approved = (c: DrivenCase) => act(c, 'approve', c.cast.supervisor, { comment: '同意' });
/** The case as its clocks leave it once the appeal's end closes it (rungs due before that fire first). */
function closedByClocks(state: CaseState): CaseState {
  for (let due = nextClockEvent(state); due; due = nextClockEvent(state)) {
    state = fireClockEvent(state, due, new Date(due.at)).state;
    if (due.kind === 'CLOSE_AFTER_DECISION') return state;
  }
  throw new Error('the clocks never closed the case');
}
const refusal = <A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A]) =>
  refusalOf(() => checkAction(c.state, action, aRequest(actor, payload), minutesAfter(c.at, 60)));

describe('verification has its full set of outcomes (DOMAIN §c)', () => {
  const reported = (finding: ActionPayloads['submitVerificationReport']['finding']) => {
    const c = aCaseAt('VERIFICATION');
    return approved(act(c, 'submitVerificationReport', c.cast.caseOfficer, { finding, summary: '初核情况' }));
  };

  it.each([
    ['REMINDER_TALK', 'REMINDED'],
    ['REFER_TO_PARTY_ORG', 'REFERRED'],
    ['CLOSE', 'VERIFICATION_CLOSED'],
  ] as const)('%s ends the clue as %s, with the finding on record', (finding, closure) => {
    const { state } = reported(finding);
    expect(state).toMatchObject({ stage: 'CLOSED', closure: { kind: closure }, verification: { finding } });
    expect(state.nameClearing).toBeUndefined();
  });

  it('SHELVE_PENDING shelves the clue, and its periodic review clock starts (quarterly by default)', () => {
    const c = reported('SHELVE_PENDING');
    expect(c.state.stage).toBe('SHELVED');
    expect(DEFAULT_POLICY.stageLimits.SHELVED).toEqual({ amount: 3, unit: 'MONTH' });
    expect(c.state.deadline).toMatchObject({ stage: 'SHELVED', limit: { amount: 3, unit: 'MONTH' }, startedAt: c.at.toISOString() });
  });
});

describe('a shelved clue (暂存待查) is reviewed periodically and can be reopened or closed with approval', () => {
  const shelved = () => {
    const c = aCaseAt('SHELVED');
    return { ...c, state: { ...c.state, deadline: undefined } as CaseState };
  };
  const reviewed = (decision: ActionPayloads['reviewShelvedClue']['decision']) => {
    const c = shelved();
    return act(c, 'reviewShelvedClue', c.cast.caseOfficer, { decision, reason: '定期清理' });
  };

  it('keeps the clue shelved for another period: the review is recorded and the next one falls due a period later', () => {
    const c = approved(reviewed('KEEP'));
    expect(c.state.stage).toBe('SHELVED');
    expect(c.state.shelvedReviews).toEqual([expect.objectContaining({ decision: 'KEEP', approvedBy: c.cast.supervisor.userId, at: c.at.toISOString() })]);
    expect(c.state.deadline).toMatchObject({ stage: 'SHELVED', startedAt: c.at.toISOString(), fired: [] });
  });

  it('reopens the clue for a new disposition', () => {
    const c = approved(reviewed('REOPEN'));
    expect(c.state).toMatchObject({ stage: 'DISPOSITION', assigneeId: c.cast.caseOfficer.userId });
    const again = act(c, 'proposeDisposition', c.cast.caseOfficer, { disposition: 'PRELIMINARY_VERIFICATION', reason: '条件成熟，启动初核' });
    expect(approved(again).state.stage).toBe('VERIFICATION');
  });

  it('closes the clue as a shelved clue closed', () => {
    expect(approved(reviewed('CLOSE')).state).toMatchObject({ stage: 'CLOSED', closure: { kind: 'SHELVED_CLOSED' } });
  });

  it('is proposed by the assigned officer and approved by someone else (four eyes)', () => {
    const c = reviewed('CLOSE');
    expect(refusal(c, 'approve', c.cast.caseOfficer, { comment: '同意' }).code).toBe(DomainErrorCode.FORBIDDEN);
    expect(refusal(shelved(), 'reviewShelvedClue', anActor({ roles: ['CASE_OFFICER'] }), { decision: 'KEEP', reason: '清理' }).code).toBe(DomainErrorCode.FORBIDDEN);
  });

  it('a returned review leaves the clue shelved as it was', () => {
    const c = reviewed('CLOSE');
    const back = act(c, 'return', c.cast.supervisor, { reason: '尚需补充核查条件' });
    expect(back.state).toMatchObject({ stage: 'SHELVED', lastReturn: { kind: 'SHELVED_REVIEW' } });
    expect(back.state.shelvedReviews).toBeUndefined();
  });
});

describe('an investigation that holds nobody accountable ends as 撤销案件 / 不予问责, not as a served exemption', () => {
  const investigating = () => aCaseAt('INVESTIGATION');
  const propose = (payload: ActionPayloads['proposeNoAccountability']) => {
    const c = investigating();
    return act(c, 'proposeNoAccountability', c.cast.caseOfficer, payload);
  };

  it('withdraws the case when no violation was found, and makes a name clearing due when the allegation proved untrue', () => {
    const c = approved(propose({ outcome: 'CASE_WITHDRAWN', allegationUntrue: true, reason: '未发现不作为事实' }));
    expect(c.state).toMatchObject({
      stage: 'CLOSED',
      closure: { kind: 'CASE_WITHDRAWN' },
      noAccountability: { outcome: 'CASE_WITHDRAWN', allegationUntrue: true, approvedBy: c.cast.supervisor.userId },
      nameClearing: { status: 'DUE' },
    });
    // Nothing to serve or appeal.
    expect(c.state.decision).toBeUndefined();
    expect(c.state.appeal).toBeUndefined();
  });

  it('times the name clearing (1 month by default) until it is recorded, its rungs reaching the officer who handled the case', () => {
    const c = approved(propose({ outcome: 'CASE_WITHDRAWN', allegationUntrue: true, reason: '反映失实' }));
    expect(c.state.nameClearing).toMatchObject({ status: 'DUE', deadline: { step: 'NAME_CLEARING', limit: { amount: 1, unit: 'MONTH' }, startedAt: c.at.toISOString() } });
    // Beside it runs the result owed to the (real-name) reporter.
    const clearing = (state: CaseState) => runningStepClocks(state).filter((k) => k.key === 'name-clearing');
    expect(clearing(c.state)).toEqual([expect.objectContaining({ ownerId: c.cast.caseOfficer.userId })]);
    const cleared = act(c, 'recordNameClearing', c.cast.caseOfficer, { harmed: false, methods: ['WRITTEN'], completedAt: c.at.toISOString(), note: '书面澄清' });
    expect(clearing(cleared.state)).toEqual([]);
  });

  it('holds the official not accountable on grounds of art. 17, without a name clearing when the facts were true', () => {
    const c = approved(propose({ outcome: 'NOT_HELD_ACCOUNTABLE', grounds: ['OBJECTED_IN_COLLECTIVE_DECISION'], allegationUntrue: false, reason: '集体决策时明确反对' }));
    expect(c.state).toMatchObject({ stage: 'CLOSED', closure: { kind: 'NOT_HELD_ACCOUNTABLE' }, noAccountability: { grounds: ['OBJECTED_IN_COLLECTIVE_DECISION'] } });
    expect(c.state.nameClearing).toBeUndefined();
  });

  it.each([
    [{ outcome: 'NOT_HELD_ACCOUNTABLE', allegationUntrue: false, reason: '理由' }, 'are required for 不予问责 (问责条例 art. 17)'],
    [{ outcome: 'NOT_HELD_ACCOUNTABLE', grounds: ['TIMELY_REMEDY'], allegationUntrue: false, reason: '理由' }, 'TIMELY_REMEDY are not grounds of art. 17 for 不予问责'],
    [{ outcome: 'CASE_WITHDRAWN', grounds: ['FORCE_MAJEURE'], allegationUntrue: false, reason: '理由' }, 'are given only with NOT_HELD_ACCOUNTABLE (撤销案件 needs none)'],
  ] as const)('refuses %j naming grounds', (payload, message) => {
    const c = investigating();
    const error = refusal(c, 'proposeNoAccountability', c.cast.caseOfficer, payload as ActionPayloads['proposeNoAccountability']);
    expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'grounds', message }] });
  });
});

describe('appeals: recorded on paper by staff, decided by the deciding body within its limit, a revocation corrected', () => {
  const official = anActor({ roles: ['SUBJECT'] });
  const served = () => {
    const decided = aCaseAt('DECIDED', { initial: { ...aboutOfficial(official.userId), policy: { ...DEFAULT_POLICY, stepLimits: { APPEAL_DECISION: { amount: 1, unit: 'MONTH' } } } } });
    return act(decided, 'serveDecision', decided.cast.caseOfficer, { servedAt: minutesAfter(decided.at, 30).toISOString(), method: 'IN_PERSON' });
  };
  const intake = anActor({ roles: ['INTAKE_OFFICER'] });
  const paper = (c: DrivenCase, receivedAt: Date) => act(c, 'recordPaperAppeal', intake, { grounds: '书面申诉：事实认定有误', receivedAt: receivedAt.toISOString() });
  /** A supervisor of the deciding body who took no part in the case. */
  const reviewer = (c: DrivenCase) => aSupervisor({ orgUnitId: c.state.registration.orgUnitId });

  it('staff record a written appeal for an official without an account, dated when it was received', () => {
    const c = served();
    const received = minutesAfter(c.at, 30);
    const filed = paper(c, received);
    expect(filed.state.appeal!.filed).toEqual({ grounds: '书面申诉：事实认定有误', filedAt: received.toISOString(), recordedBy: intake.userId });
    expect(filed.events.at(-1)).toMatchObject({ action: 'recordPaperAppeal', actorId: intake.userId });
  });

  it('refuses a written appeal received after the window, before service or in the future, naming receivedAt', () => {
    const c = served();
    const window = new Date(c.state.appeal!.windowEndsAt);
    const late = aRequest(intake, { grounds: '申诉', receivedAt: minutesAfter(window, 1).toISOString() });
    expect(refusalOf(() => checkAction(c.state, 'recordPaperAppeal', late, minutesAfter(window, 24 * 60))).code).toBe(DomainErrorCode.CONFLICT);
    expect(refusal(c, 'recordPaperAppeal', intake, { grounds: '申诉', receivedAt: minutesAfter(c.at, -600).toISOString() })).toMatchObject({ fields: [{ field: 'receivedAt', message: 'must not be before the decision was served' }] });
    expect(refusal(c, 'recordPaperAppeal', intake, { grounds: '申诉', receivedAt: minutesAfter(c.at, 600).toISOString() })).toMatchObject({ fields: [{ field: 'receivedAt', message: 'must not be in the future' }] });
  });

  it("runs the appeal decision's clock from its filing, with reminders and cards, until it is decided", () => {
    const c = paper(served(), minutesAfter(served().at, 30));
    const deadline = c.state.appeal!.deadline!;
    expect(deadline).toMatchObject({ limit: { amount: 1, unit: 'MONTH' }, startedAt: c.state.appeal!.filed!.filedAt });
    const due = nextClockEvent(c.state)!;
    expect(due).toMatchObject({ kind: 'STEP_RUNG', clock: 'appeal', rung: { kind: 'REMINDER' } });
    const fired = fireClockEvent(c.state, due, new Date(due.at));
    expect(fired.event).toMatchObject({ action: 'deadlineRung', payload: { clock: 'appeal', kind: 'REMINDER' } });
    const decided = act(c, 'decideAppeal', reviewer(c), { outcome: 'UPHELD', reason: '原决定事实清楚' });
    expect(nextClockEvent(decided.state)).toMatchObject({ kind: 'CLOSE_AFTER_DECISION', reason: 'APPEAL_DECIDED' });
  });

  it('keeps no appeal clock for a case whose policy sets none (policies pinned before step clocks)', () => {
    const before = { ...DEFAULT_POLICY };
    delete before.stepLimits;
    const decided = aCaseAt('DECIDED', { initial: { ...aboutOfficial(official.userId), policy: before } });
    const c = paper(act(decided, 'serveDecision', decided.cast.caseOfficer, { servedAt: minutesAfter(decided.at, 30).toISOString(), method: 'IN_PERSON' }), minutesAfter(decided.at, 60));
    expect(c.state.appeal!.deadline).toBeUndefined();
    expect(nextClockEvent(c.state)).toBeUndefined();
  });

  it('is decided by the body that decided: a supervisor of another unit is refused', () => {
    const c = paper(served(), minutesAfter(served().at, 30));
    const elsewhere = aSupervisor({ orgUnitId: '0f000000-0000-4000-8000-0000000000ff' });
    expect(refusal(c, 'decideAppeal', elsewhere, { outcome: 'UPHELD', reason: '维持' })).toMatchObject({ code: DomainErrorCode.FORBIDDEN });
  });

  it('corrects a revoked decision: no forms, no impact period, no negative evaluation, a name clearing due, closed as corrected', () => {
    const c = paper(served(), minutesAfter(served().at, 30));
    expect(c.state.impactPeriodEndsAt).toBeDefined();
    const revoked = act(c, 'decideAppeal', reviewer(c), { outcome: 'REVOKED', reason: '事实不清，撤销原决定' });
    expect(revoked.state).toMatchObject({ decision: { forms: [] }, noNegativeEvaluation: true, nameClearing: { status: 'DUE' } });
    expect(revoked.state.impactPeriodEndsAt).toBeUndefined();
    expect(closedByClocks(revoked.state)).toMatchObject({ stage: 'CLOSED', closure: { kind: 'DECISION_CORRECTED' } });
  });

  it('an upheld decision closes as final', () => {
    const c = paper(served(), minutesAfter(served().at, 30));
    const upheld = act(c, 'decideAppeal', reviewer(c), { outcome: 'UPHELD', reason: '维持' });
    const closing = nextClockEvent(upheld.state)!;
    expect(fireClockEvent(upheld.state, closing, new Date(closing.at)).state.closure).toMatchObject({ kind: 'DECISION_FINAL' });
  });
});

describe('the upper level orders improper accountability corrected (问责条例 art. 21)', () => {
  const served = () => {
    const decided = aCaseAt('DECIDED');
    return act(decided, 'serveDecision', decided.cast.caseOfficer, { servedAt: minutesAfter(decided.at, 30).toISOString(), method: 'IN_PERSON' });
  };
  const upper = aSupervisor({ orgUnitId: '0f000000-0000-4000-8000-0000000000aa' });
  const ordered = (c = served()) => act(c, 'orderDecisionCorrection', upper, { grounds: ['WEAK_EVIDENCE'], reason: '证据不足' });
  const body = (c: DrivenCase) => aSupervisor({ orgUnitId: c.state.registration.orgUnitId });

  it('is ordered by a supervisor of the upper level, never by the deciding body itself', () => {
    const c = served();
    expect(refusal(c, 'orderDecisionCorrection', body(c), { grounds: ['WEAK_EVIDENCE'], reason: '自行纠正' })).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'NOT_UPPER_LEVEL' });
    expect(refusal(c, 'orderDecisionCorrection', upper, { grounds: [], reason: '纠正' })).toMatchObject({ fields: [{ field: 'grounds' }] });
    expect(ordered(c).state.correctionOrders).toEqual([expect.objectContaining({ grounds: ['WEAK_EVIDENCE'], by: upper.userId })]);
    expect(refusal(ordered(c), 'orderDecisionCorrection', upper, { grounds: ['WRONG_FACTS'], reason: '再次' }).reason).toBe('CORRECTION_ORDERED');
  });

  it('keeps the case open (its workflow running) until the ordered correction is made', () => {
    expect(openAftercare(ordered().state)).toContain('CORRECTION_ORDER');
  });

  it('is made by the body: a revocation corrects the decision; once final, the case ends corrected', () => {
    const c = ordered();
    expect(refusal(served(), 'correctDecision', body(c), { outcome: 'REVOKED', reason: '撤销' }).reason).toBe('NO_CORRECTION_ORDER');
    const corrected = act(c, 'correctDecision', body(c), { outcome: 'REVOKED', reason: '证据不足，撤销原决定' });
    expect(corrected.state).toMatchObject({ decision: { forms: [] }, noNegativeEvaluation: true, nameClearing: { status: 'DUE' }, correctionOrders: [{ correction: { outcome: 'REVOKED' } }] });
    expect(closedByClocks(corrected.state).closure).toMatchObject({ kind: 'DECISION_CORRECTED' });
  });

  it('corrects a final decision too, relabelling its end; a variation is never heavier', () => {
    const s = served();
    const closing = nextClockEvent(s.state)!;
    const final: DrivenCase = { ...s, state: fireClockEvent(s.state, closing, new Date(closing.at)).state, at: new Date(closing.at) };
    expect(final.state.closure).toMatchObject({ kind: 'DECISION_FINAL' });
    const c = ordered(final);
    expect(refusal(c, 'correctDecision', body(c), { outcome: 'VARIED', forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }], reason: '加重' }).reason).toBe('HEAVIER');
    const revoked = act(c, 'correctDecision', body(c), { outcome: 'REVOKED', reason: '撤销' });
    expect(revoked.state).toMatchObject({ stage: 'CLOSED', closure: { kind: 'DECISION_CORRECTED', at: revoked.at.toISOString() } });
  });
});
