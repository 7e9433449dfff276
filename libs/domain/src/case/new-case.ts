import type { CaseState, CaseWorkflowInput } from '@dandang/contracts';

/** The state a case starts in, from the workflow's input. */
export function newCaseState(input: CaseWorkflowInput): CaseState {
  const recused = new Set(input.recusedUserIds);
  if (input.registration.subject.userId) recused.add(input.registration.subject.userId);
  return {
    caseId: input.caseId,
    number: input.number,
    registration: input.registration,
    registeredBy: input.registeredBy.userId,
    registeredAt: input.registeredAt,
    stage: 'INTAKE',
    version: 1,
    investigatorIds: [],
    recusedUserIds: [...recused],
    evidence: [],
    policy: input.policy,
    stageEnteredAt: input.registeredAt,
  };
}
