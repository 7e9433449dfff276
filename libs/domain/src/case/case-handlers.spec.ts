import { aCaseAt, aPayload, aSupervisor, anActor, andThen, minutesAfter, refusalOf, withStatementsHeard } from '@dandang/testing/factories';
import { checkAction } from './check-action';
import { taskActions } from './available-actions';

/** A user who is both case officer and supervisor, not assigned to the case. */
const lead = () => anActor({ roles: ['CASE_OFFICER', 'SUPERVISOR'] });

describe('whoever handles a case can never approve on it', () => {
  it('refuses the approval of a user who added evidence by their supervisor right', () => {
    const handler = lead();
    const withEvidence = andThen(aCaseAt('INVESTIGATION'), 'addEvidence', handler);
    expect(withEvidence.state.investigatorIds).toContain(handler.userId);
    const reported = andThen(withStatementsHeard(withEvidence), 'submitInvestigationReport', withEvidence.cast.caseOfficer);
    const attempt = () => checkAction(reported.state, 'approve', { actor: handler, payload: {} }, minutesAfter(reported.at, 60));
    expect(refusalOf(attempt)).toMatchObject({ reason: 'FOUR_EYES' });
  });

  it('records the supervisor role when a dual-role user acts on a case assigned to someone else', () => {
    const handler = lead();
    const decided = aCaseAt('DECIDED');
    const served = andThen(decided, 'serveDecision', handler, aPayload('serveDecision', { servedAt: decided.at.toISOString() }));
    expect(served.events.at(-1)).toMatchObject({ action: 'serveDecision', actorId: handler.userId, actorRole: 'SUPERVISOR' });
  });
});

describe('an assignee who declares a conflict', () => {
  it('leaves the case unassigned, and reassigning it becomes a supervisor task', () => {
    const c = aCaseAt('INQUIRY');
    const supervisor = aSupervisor();
    const now = minutesAfter(c.at, 120);
    expect(taskActions(c.state, supervisor, now)).toEqual([]);
    const declared = andThen(c, 'declareConflict', c.cast.caseOfficer, { reason: '亲属关系' });
    expect(declared.state.assigneeId).toBeUndefined();
    expect(declared.state.recusedUserIds).toContain(c.cast.caseOfficer.userId);
    expect(taskActions(declared.state, supervisor, now)).toEqual(['reassign']);
  });
});

describe("linking the official's account after registration", () => {
  it('recuses the linked user and refuses a second link', () => {
    const c = aCaseAt('DISPOSITION');
    const official = anActor({ roles: ['SUBJECT'] });
    const linked = andThen(c, 'linkSubjectAccount', c.cast.caseOfficer, { userId: official.userId, reason: '开通账号' });
    expect(linked.state.registration.subject.userId).toBe(official.userId);
    expect(linked.state.recusedUserIds).toContain(official.userId);
    const again = () => checkAction(linked.state, 'linkSubjectAccount', { actor: c.cast.caseOfficer, payload: { userId: official.userId, reason: 'x' } }, minutesAfter(linked.at, 60));
    expect(refusalOf(again)).toMatchObject({ reason: 'SUBJECT_LINKED' });
  });
});
