import type { ActionName, ActionPayloads, Actor, CaseState } from '@dandang/contracts';
import { aCaseAt, aSupervisor, aUuid, anActor, andThenAdmitted, minutesAfter, type DrivenCase } from '@dandang/testing/factories';
import { taskActions } from './available-actions';
import { taskHolders } from './task-holders';
import { fireClockEvent, nextClockEvent } from '../aftercare/clocks';
import { CHINA_CALENDAR_2025_2026 } from '../calendar/china-calendar-data';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { oweReporterNotice } from '../reporter-identity/reporter-notices';

/** Who a case's step work waits on beyond its stage, and that the inbox's domain then offers them the step. */

const clock = { calendar: CHINA_CALENDAR_2025_2026 };
const act = <A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A]) => andThenAdmitted(c, action, actor, payload, clock);
const later = (c: DrivenCase) => minutesAfter(c.at, 60);
const none = { userIds: [], supervisor: false };

/** The intake officer who registered the factory case (the notices' owner), as an actor. */
const registrarOf = (state: CaseState): Actor => anActor({ userId: state.registeredBy, roles: ['INTAKE_OFFICER'] });

/** A named report, registered as the workflow registers it (the acceptance owed), accepted by its registrar. */
function aNamedReportInDisposition(): DrivenCase {
  const c = aCaseAt('INTAKE', { initial: { policy: DEFAULT_POLICY } });
  const state: CaseState = JSON.parse(JSON.stringify(c.state));
  oweReporterNotice(state, 'ACCEPTANCE', state.registration.receivedAt, clock);
  return act({ ...c, state }, 'acceptClue', registrarOf(state), { assigneeId: c.cast.caseOfficer.userId });
}

describe('taskHolders', () => {
  it('names nobody for a case whose work its stage already says (an open stage, nothing owed)', () => {
    for (const stage of ['INTAKE', 'DISPOSITION', 'VERIFICATION', 'INVESTIGATION', 'DECIDED', 'SERVED'] as const) {
      expect({ stage, ...taskHolders(aCaseAt(stage).state) }).toEqual({ stage, ...none });
    }
  });

  it('names the registering intake officer while a notice is owed to the reporter, also after the case closed', () => {
    let c = aNamedReportInDisposition();
    const registrar = registrarOf(c.state);
    // The acceptance is still owed in DISPOSITION, which the stage rules give the intake officer no task for.
    expect(taskHolders(c.state)).toEqual({ userIds: [registrar.userId], supervisor: false });
    c = act(c, 'recordReporterNotice', registrar, { notice: 'ACCEPTANCE', method: 'PHONE', notifiedAt: c.at.toISOString(), note: '电话告知已受理' });
    expect(taskHolders(c.state)).toEqual(none);
    c = act(c, 'proposeDisposition', c.cast.caseOfficer, { disposition: 'CLOSE', reason: '反映问题已解决' });
    c = act(c, 'approve', c.cast.supervisor, { comment: '同意了结' });
    expect(c.state.stage).toBe('CLOSED');
    expect(taskHolders(c.state)).toEqual({ userIds: [registrar.userId], supervisor: false });
    expect(taskActions(c.state, registrar, later(c))).toEqual(['recordReporterNotice']);
    c = act(c, 'recordReporterNotice', registrar, { notice: 'RESULT', method: 'WRITTEN', notifiedAt: c.at.toISOString(), note: '书面反馈处理结果' });
    expect(taskHolders(c.state)).toEqual(none);
  });

  it('names the officer while a withdrawn case owes the name clearing (谁核实谁澄清)', () => {
    let c = aCaseAt('INVESTIGATION', { initial: { policy: DEFAULT_POLICY } });
    c = act(c, 'proposeNoAccountability', c.cast.caseOfficer, { outcome: 'CASE_WITHDRAWN', allegationUntrue: true, reason: '经审查，反映失实' });
    c = act(c, 'approve', aSupervisor(), { comment: '同意撤销案件' });
    expect(c.state).toMatchObject({ stage: 'CLOSED', nameClearing: { status: 'DUE' } });
    const officer = c.cast.caseOfficer;
    // The reporter is owed the result too, by the registering intake officer.
    expect(taskHolders(c.state)).toEqual({ userIds: [officer.userId, c.state.registeredBy].sort(), supervisor: false });
    expect(taskActions(c.state, officer, later(c))).toContain('recordNameClearing');
    c = act(c, 'recordNameClearing', officer, { harmed: true, methods: ['WRITTEN'], completedAt: c.at.toISOString(), note: '书面澄清' });
    expect(taskHolders(c.state)).toEqual({ userIds: [c.state.registeredBy], supervisor: false });
  });

  it('names the officer of a shelved clue once its review clock has reminded them', () => {
    let c = aCaseAt('DISPOSITION', { initial: { policy: DEFAULT_POLICY } });
    c = act(c, 'proposeDisposition', c.cast.caseOfficer, { disposition: 'SHELVE_PENDING', reason: '暂不具备核查条件' });
    c = act(c, 'approve', c.cast.supervisor, { comment: '同意暂存' });
    expect(c.state).toMatchObject({ stage: 'SHELVED', deadline: { fired: [] } });
    expect(taskHolders(c.state)).toEqual(none);
    const due = nextClockEvent(c.state, clock)!;
    const reminded = fireClockEvent(c.state, due, new Date(due.at), clock).state;
    expect(reminded.deadline!.fired.length).toBeGreaterThan(0);
    expect(taskHolders(reminded)).toEqual({ userIds: [c.cast.caseOfficer.userId], supervisor: false });
    expect(taskActions(reminded, c.cast.caseOfficer, new Date(due.at))).toEqual(['reviewShelvedClue']);
  });

  it("marks a filed appeal for a supervisor until decided, not its officer (the appeal clock's reminders reach them)", () => {
    let c = aCaseAt('SERVED', { initial: { policy: DEFAULT_POLICY } });
    c = act(c, 'recordPaperAppeal', c.cast.intakeOfficer, { grounds: '书面申诉：事实认定有误', receivedAt: c.at.toISOString() });
    expect(c.state.appeal?.deadline).toBeDefined();
    expect(taskHolders(c.state)).toEqual({ userIds: [], supervisor: true });
    // A supervisor of the deciding body who took no part in the case reviews it.
    const reviewer = aSupervisor();
    expect(taskActions(c.state, reviewer, later(c))).toContain('decideAppeal');
    c = act(c, 'decideAppeal', reviewer, { outcome: 'UPHELD', reason: '原决定事实清楚' });
    expect(taskHolders(c.state)).toEqual(none);
  });

  it('marks a correction the upper level ordered for a supervisor until it is made', () => {
    let c = aCaseAt('SERVED', { initial: { policy: DEFAULT_POLICY } });
    c = act(c, 'orderDecisionCorrection', aSupervisor({ orgUnitId: aUuid() }), { grounds: ['WEAK_EVIDENCE'], reason: '证据不足，责令纠正' });
    expect(taskHolders(c.state)).toEqual({ userIds: [], supervisor: true });
    expect(taskActions(c.state, c.cast.supervisor, later(c))).toContain('correctDecision');
    c = act(c, 'correctDecision', c.cast.supervisor, { outcome: 'REVOKED', reason: '按上级要求撤销原决定' });
    expect(taskHolders(c.state).supervisor).toBe(false);
  });
});
