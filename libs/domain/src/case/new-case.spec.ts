import { aCaseSubject, aCaseRegistration, aCaseWorkflowInput, anIntakeOfficer, aUuid } from '@dandang/testing/factories';
import { newCaseState } from './new-case';

describe('newCaseState', () => {
  it('starts the case in INTAKE at version 1, entered when it was registered', () => {
    const registrar = anIntakeOfficer();
    const input = aCaseWorkflowInput({ registeredBy: registrar, registeredAt: '2026-03-02T01:00:00.000Z' });

    expect(newCaseState(input)).toEqual({
      caseId: input.caseId,
      number: input.number,
      registration: input.registration,
      registeredBy: registrar.userId,
      registeredAt: '2026-03-02T01:00:00.000Z',
      stage: 'INTAKE',
      version: 1,
      investigatorIds: [],
      recusedUserIds: [],
      evidence: [],
      policy: input.policy,
      stageEnteredAt: '2026-03-02T01:00:00.000Z',
    });
  });

  it('recuses the users recorded at registration', () => {
    const reporter = aUuid();
    const state = newCaseState(aCaseWorkflowInput({ recusedUserIds: [reporter] }));
    expect(state.recusedUserIds).toEqual([reporter]);
  });

  it('recuses the subject when they have a user account, once', () => {
    const subjectUserId = aUuid();
    const reporter = aUuid();
    const registration = aCaseRegistration({ subject: aCaseSubject({ userId: subjectUserId }) });
    const state = newCaseState(aCaseWorkflowInput({ registration, recusedUserIds: [reporter, subjectUserId] }));
    expect(state.recusedUserIds.sort()).toEqual([reporter, subjectUserId].sort());
  });

  it('has nothing pending, decided, or assigned yet', () => {
    const state = newCaseState(aCaseWorkflowInput());
    for (const key of ['assigneeId', 'pendingApproval', 'disposition', 'inquiry', 'verification', 'decision', 'service', 'transfer', 'closure', 'lastReturn'] as const) {
      expect(state[key]).toBeUndefined();
    }
  });

  it('does not share the recusal list with its input', () => {
    const input = aCaseWorkflowInput({ recusedUserIds: [aUuid()] });
    const state = newCaseState(input);
    state.recusedUserIds.push(aUuid());
    expect(input.recusedUserIds).toHaveLength(1);
  });
});
