import { aCaseAt, SINGLE_PATH_POLICY, andThenAdmitted, aSupervisor, aboutOfficial, anActor, minutesAfter, type DrivenCase, aftercareStep as step, reviewConcluded as concluded } from '@dandang/testing/factories';
import { fireClockEvent, nextClockEvent } from './clocks';
import { addMonths } from './months';
import { runningStepClocks } from './step-clocks';
import { taskHolders } from '../case/task-holders';
import { CHINA_CALENDAR_2025_2026 } from '../calendar/china-calendar-data';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { scheduleFollowUps } from './follow-up';
import { impactPeriodEnd, impactPeriodMonths } from './impact-periods';
import { isFinished, openAftercare } from './open-aftercare';

const applied = (): DrivenCase => {
  const c = aCaseAt('INVESTIGATION', { pendingProposal: true });
  return step(c, 'applyFaultTolerance', c.cast.caseOfficer, { reasons: '单位申请' });
};

describe('the effect of a determined review on the case', () => {
  it('closes a case under investigation as exempted, with no form and no negative evaluation', () => {
    const c = concluded(applied(), { declined: false, outcome: 'EXEMPTION' });
    expect(c.state).toMatchObject({ stage: 'CLOSED', closure: { kind: 'EXEMPTED' }, noNegativeEvaluation: true, tolerance: { outcome: 'EXEMPTION' } });
    expect(c.state.pendingApproval).toBeUndefined();
    expect(c.state.decision).toBeUndefined();
    expect(c.events.at(-1)).toMatchObject({ action: 'toleranceReviewConcluded', actorRole: 'SYSTEM', fromStage: 'INVESTIGATION', toStage: 'CLOSED' });
  });

  it('records a mitigation as tolerated, and a rejection as not, leaving the case where it is', () => {
    expect(concluded(applied(), { declined: false, outcome: 'MITIGATION', mitigation: 'REDUCED' }).state).toMatchObject({ stage: 'INVESTIGATION', noNegativeEvaluation: true });
    const rejected = concluded(applied(), { declined: false, outcome: 'REJECTION' }).state;
    expect(rejected).toMatchObject({ stage: 'INVESTIGATION', tolerance: { outcome: 'REJECTION' } });
    expect(rejected.noNegativeEvaluation).toBeUndefined();
  });

  it('keeps a tolerated case open until the body decides on a correction plan', () => {
    const c = concluded(applied(), { declined: false, outcome: 'EXEMPTION' });
    expect(openAftercare(c.state)).toContain('CORRECTION_PLAN');
    expect(openAftercare(step(c, 'openCorrectionPlan', aSupervisor(), { items: [] }).state)).not.toContain('CORRECTION_PLAN');
  });

  it('owes the exemption made known (免责通报) and care visits (关爱回访) at the pinned months, each until recorded', () => {
    const c = concluded(applied(), { declined: false, outcome: 'EXEMPTION' });
    const determinedAt = c.state.tolerance!.determinedAt;
    expect(c.state.exemptionNotice).toEqual({});
    expect(c.state.followUp).toEqual([
      { id: 'V1', kind: 'CARE_VISIT', months: 1, dueAt: addMonths(new Date(determinedAt), 1).toISOString() },
      { id: 'V2', kind: 'CARE_VISIT', months: 6, dueAt: addMonths(new Date(determinedAt), 6).toISOString() },
    ]);
    expect(openAftercare(c.state)).toEqual(['CORRECTION_PLAN', 'FOLLOW_UP', 'EXEMPTION_NOTICE']);
    let done = step(c, 'openCorrectionPlan', aSupervisor(), { items: [] });
    done = step(done, 'recordExemptionNotice', c.cast.caseOfficer, { notifiedAt: minutesAfter(done.at, 30).toISOString(), scope: '本单位干部大会', note: '通报免责' });
    expect(done.state.exemptionNotice!.record).toMatchObject({ scope: '本单位干部大会', by: c.cast.caseOfficer.userId });
    for (const visitId of ['V1', 'V2']) done = step(done, 'recordFollowUpVisit', c.cast.caseOfficer, { visitId, findings: '思想稳定，敢于担当' });
    expect(isFinished(done.state)).toBe(true);
  });

  it('owes neither under a policy pinned before them', () => {
    const c0 = aCaseAt('INVESTIGATION', { pendingProposal: true, initial: { policy: SINGLE_PATH_POLICY } });
    const c = concluded(step(c0, 'applyFaultTolerance', c0.cast.caseOfficer, { reasons: '单位申请' }), { declined: false, outcome: 'EXEMPTION' });
    expect(c.state.exemptionNotice).toBeUndefined();
    expect(c.state.followUp).toBeUndefined();
    expect(openAftercare(c.state)).toEqual(['CORRECTION_PLAN']);
  });
});

describe('the clocks of a case', () => {
  it('runs each open correction item on the stage-clock ladder: reminders, cards, escalation', () => {
    const owner = anActor();
    const c = step(concluded(applied(), { declined: false, outcome: 'EXEMPTION' }), 'openCorrectionPlan', aSupervisor(), {
      items: [{ owner: owner.userId, action: '整改', severity: 'LOW' }],
    });
    let state = c.state;
    const kinds: string[] = [];
    for (let due = nextClockEvent(state); due; due = nextClockEvent(state)) {
      const fired = fireClockEvent(state, due, new Date(due.at));
      expect(fired.event).toMatchObject({ action: 'deadlineRung', payload: { clock: 'correction:C1' }, version: state.version + 1 });
      kinds.push(fired.event.payload['kind'] as string);
      state = fired.state;
    }
    expect(kinds).toEqual(['REMINDER', 'REMINDER', 'YELLOW_CARD', 'RED_CARD', 'ESCALATION']);
    expect(state.correction!.items[0].deadline).toMatchObject({ card: 'RED', supervised: true });
    const done = step({ ...c, state }, 'completeCorrectionItem', owner, { itemId: 'C1', evidence: '已整改' });
    expect(nextClockEvent(done.state)).toBeUndefined();
  });

  const official = anActor({ roles: ['SUBJECT'] });
  const served = () => {
    const c = aCaseAt('DECIDED', { initial: aboutOfficial(official.userId) });
    return step(c, 'serveDecision', c.cast.caseOfficer, { servedAt: minutesAfter(c.at, 30).toISOString(), method: 'IN_PERSON' });
  };

  it('closes a served case when the appeal window runs out without an appeal', () => {
    const c = served();
    const due = nextClockEvent(c.state)!;
    expect(due).toEqual({ kind: 'CLOSE_AFTER_DECISION', at: c.state.appeal!.windowEndsAt, reason: 'APPEAL_WINDOW_CLOSED' });
    const closed = fireClockEvent(c.state, due, new Date(due.at));
    expect(closed.state).toMatchObject({ stage: 'CLOSED', closure: { kind: 'DECISION_FINAL' } });
    expect(closed.event).toMatchObject({ action: 'appealWindowClosed', actorRole: 'SYSTEM' });
  });

  it('waits for a filed appeal, then closes once it is decided', () => {
    const filed = step(served(), 'fileAppeal', official, { grounds: '不服' });
    expect(nextClockEvent(filed.state)).toBeUndefined();
    const decided = step(filed, 'decideAppeal', aSupervisor(), { outcome: 'UPHELD', reason: '维持' });
    const due = nextClockEvent(decided.state)!;
    expect(due).toMatchObject({ kind: 'CLOSE_AFTER_DECISION', reason: 'APPEAL_DECIDED', at: decided.at.toISOString() });
    expect(fireClockEvent(decided.state, due, decided.at).event).toMatchObject({ action: 'caseClosedAfterAppeal', toStage: 'CLOSED' });
  });
});

describe('impact periods and follow-up visits', () => {
  it('takes the longest impact period of the forms (DOMAIN §c)', () => {
    expect(impactPeriodMonths([{ form: 'ADMONISHMENT' }])).toBe(6);
    expect(impactPeriodMonths([{ form: 'ADMONISHMENT' }, { form: 'DISCIPLINARY_SANCTION', subtype: 'SERIOUS_WARNING' }])).toBe(18);
    expect(impactPeriodMonths([{ form: 'CIRCULATED_CRITICISM' }])).toBe(0);
    expect(impactPeriodEnd('2026-01-31T02:00:00.000Z', [{ form: 'ADMONISHMENT' }])).toBe('2026-07-31T02:00:00.000Z');
    expect(impactPeriodEnd('2026-01-31T02:00:00.000Z', [])).toBeUndefined();
  });

  it('schedules visits after 1, 6 and 12 months and at the impact period’s end', () => {
    const visits = scheduleFollowUps('2026-03-31T02:00:00.000Z', [1, 6, 12], '2028-03-31T02:00:00.000Z');
    expect(visits.map((v) => [v.id, v.kind, v.dueAt.slice(0, 10)])).toEqual([
      ['V1', 'AFTER_MONTHS', '2026-04-30'],
      ['V2', 'AFTER_MONTHS', '2026-09-30'],
      ['V3', 'AFTER_MONTHS', '2027-03-31'],
      ['V4', 'IMPACT_PERIOD_END', '2028-03-31'],
    ]);
    expect(scheduleFollowUps('2026-03-31T02:00:00.000Z', [6], '2026-09-30T09:00:00.000Z')).toHaveLength(1);
  });
});

describe('the clock of a follow-up visit (回访)', () => {
  const clock = { calendar: CHINA_CALENDAR_2025_2026 };

  it('runs from the visit’s date for stepLimits.FOLLOW_UP_VISIT, and is a task only once it has reminded the officer', () => {
    const decided = aCaseAt('DECIDED');
    const served = andThenAdmitted(decided, 'serveDecision', decided.cast.caseOfficer, { servedAt: minutesAfter(decided.at, 30).toISOString(), method: 'IN_PERSON' }, clock);
    const first = served.state.followUp![0];
    expect(first.deadline).toMatchObject({ step: 'FOLLOW_UP_VISIT', startedAt: first.dueAt, limit: DEFAULT_POLICY.stepLimits!.FOLLOW_UP_VISIT });
    expect(runningStepClocks(served.state).map((k) => k.key)).toEqual(expect.arrayContaining(['visit:V1', 'visit:V2', 'visit:V3']));
    expect(taskHolders(served.state).userIds).not.toContain(decided.cast.caseOfficer.userId);
    // The first rung of V1 falls after the visit's date; it makes the visit the officer's task (other clocks, such as
    // the notices owed to the reporter, fire first).
    let state = served.state;
    let due = nextClockEvent(state, clock);
    while (due && !(due.kind === 'STEP_RUNG' && due.clock === 'visit:V1')) {
      state = fireClockEvent(state, due, new Date(due.at), clock).state;
      due = nextClockEvent(state, clock);
    }
    expect(Date.parse(due!.at)).toBeGreaterThan(Date.parse(first.dueAt));
    expect(taskHolders(state).userIds).not.toContain(decided.cast.caseOfficer.userId);
    const reminded = fireClockEvent(state, due!, new Date(due!.at), clock).state;
    expect(taskHolders(reminded).userIds).toContain(decided.cast.caseOfficer.userId);
  });

  it('keeps none for visits scheduled under a policy pinned before', () => {
    const decided = aCaseAt('DECIDED', { initial: { policy: SINGLE_PATH_POLICY } });
    const served = andThenAdmitted(decided, 'serveDecision', decided.cast.caseOfficer, { servedAt: minutesAfter(decided.at, 30).toISOString(), method: 'IN_PERSON' }, clock);
    expect(served.state.followUp!.every((v) => v.deadline === undefined)).toBe(true);
  });
});
