import type { ActionName, ActionPayloads, Actor, CaseState } from '@dandang/contracts';
import { aCaseAt, aRequest, anActor, andThenAdmitted, minutesAfter, refusalOf, type DrivenCase } from '@dandang/testing/factories';
import { checkAction } from '../case/check-action';
import { availableActions, taskActions } from '../case/available-actions';
import { fireClockEvent, nextClockEvent } from '../aftercare/clocks';
import { isFinished } from '../aftercare/open-aftercare';
import { CHINA_CALENDAR_2025_2026 } from '../calendar/china-calendar-data';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { oweReporterNotice } from './reporter-notices';

/** A real-name reporter is told of the acceptance (15 WD of receipt) and of the result (15 WD of the conclusion). */

const clock = { calendar: CHINA_CALENDAR_2025_2026 };
const act = <A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A]) => andThenAdmitted(c, action, actor, payload, clock);
const intake = anActor({ roles: ['INTAKE_OFFICER'] });

/** A named report registered as the workflow registers it: the acceptance notice owed from the receipt. */
function registered(initial: Partial<CaseState> = {}): DrivenCase {
  const c = aCaseAt('INTAKE', { initial: { policy: DEFAULT_POLICY, ...initial } });
  const state: CaseState = JSON.parse(JSON.stringify(c.state));
  oweReporterNotice(state, 'ACCEPTANCE', state.registration.receivedAt, clock);
  return { ...c, state };
}

describe('notices owed to a real-name reporter', () => {
  it('owes the acceptance notice from the receipt, on a 15-working-day clock whose rungs reach the intake officer', () => {
    const c = registered();
    expect(c.state.reporterNotices).toEqual([expect.objectContaining({ kind: 'ACCEPTANCE', deadline: expect.objectContaining({ step: 'REPORTER_ACCEPTANCE_NOTICE', startedAt: c.state.registration.receivedAt, limit: { amount: 15, unit: 'WORKING_DAY' } }) })]);
    const due = nextClockEvent({ ...c.state, deadline: undefined })!;
    expect(due).toMatchObject({ kind: 'STEP_RUNG', clock: 'reporter-notice:ACCEPTANCE', rung: { kind: 'REMINDER' } });
    expect(fireClockEvent(c.state, due, new Date(due.at)).event.payload).toMatchObject({ clock: 'reporter-notice:ACCEPTANCE' });
  });

  it('owes nothing for an anonymous report, nor where the pinned policy times no notice', () => {
    expect(registered({ registration: { ...aCaseAt('INTAKE').state.registration, anonymousReport: true } }).state.reporterNotices).toBeUndefined();
    const before = { ...DEFAULT_POLICY };
    delete before.stepLimits;
    expect(registered({ policy: before }).state.reporterNotices).toBeUndefined();
  });

  it('is a task for the intake officer until recorded (how and when, never who)', () => {
    const c = registered();
    const now = minutesAfter(c.at, 60);
    expect(taskActions(c.state, intake, now)).toContain('recordReporterNotice');
    const told = act(c, 'recordReporterNotice', intake, { notice: 'ACCEPTANCE', method: 'PHONE', notifiedAt: now.toISOString(), note: '电话告知已受理' });
    expect(told.state.reporterNotices![0].record).toEqual({ method: 'PHONE', notifiedAt: now.toISOString(), note: '电话告知已受理', by: intake.userId });
    expect(availableActions(told.state, intake, minutesAfter(told.at, 60))).not.toContain('recordReporterNotice');
    expect(refusalOf(() => checkAction(c.state, 'recordReporterNotice', aRequest(intake, { notice: 'RESULT', method: 'PHONE', notifiedAt: now.toISOString(), note: '告知' }), now))).toMatchObject({ fields: [{ field: 'notice' }] });
  });

  it('owes the result from the conclusion, keeps the case open until told, and records the objection raised then', () => {
    let c = registered();
    c = act(c, 'recordReporterNotice', intake, { notice: 'ACCEPTANCE', method: 'WRITTEN', notifiedAt: minutesAfter(c.at, 30).toISOString(), note: '书面告知' });
    c = act(c, 'acceptClue', intake, { assigneeId: c.cast.caseOfficer.userId });
    c = act(c, 'proposeDisposition', c.cast.caseOfficer, { disposition: 'CLOSE', reason: '反映问题已解决' });
    c = act(c, 'approve', c.cast.supervisor, { comment: '同意了结' });
    expect(c.state.stage).toBe('CLOSED');
    expect(c.state.reporterNotices![1]).toMatchObject({ kind: 'RESULT', deadline: { startedAt: c.at.toISOString() } });
    expect(isFinished(c.state)).toBe(false);
    const told = minutesAfter(c.at, 30).toISOString();
    c = act(c, 'recordReporterNotice', intake, { notice: 'RESULT', method: 'PHONE', notifiedAt: told, note: '反馈处理结果', objection: '认为处理过轻' });
    expect(c.state.reporterNotices![1].record).toEqual({ method: 'PHONE', notifiedAt: told, note: '反馈处理结果', objection: '认为处理过轻', by: intake.userId });
    expect(isFinished(c.state)).toBe(true);
  });

  it('records an objection with the result only, naming the field', () => {
    const c = registered();
    const request = aRequest(intake, { notice: 'ACCEPTANCE' as const, method: 'PHONE' as const, notifiedAt: c.at.toISOString(), note: '告知', objection: '异议' });
    expect(refusalOf(() => checkAction(c.state, 'recordReporterNotice', request, minutesAfter(c.at, 60)))).toMatchObject({ fields: [{ field: 'objection' }] });
  });
});
