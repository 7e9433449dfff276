import { FIRST_PERSON, type Actor, type CaseState, type Role } from '@dandang/contracts';
import { forbidden } from '../errors';

export const hasRole = (actor: Actor, ...roles: Role[]): boolean => actor.roles.some((r) => roles.includes(r));

/** The accounts of the persons concerned: the registered subject's and those of the persons added to the case. */
export function concernedUserIds(state: CaseState): string[] {
  const ids = [state.registration.subject.userId, ...(state.persons ?? []).map((p) => p.userId)].filter((id): id is string => Boolean(id));
  return [...new Set(ids)];
}

/** Which person concerned the user is (by account): the registered subject is P1. */
export function concernedPersonId(state: CaseState, userId: string): string | undefined {
  if (state.registration.subject.userId === userId) return FIRST_PERSON;
  return state.persons?.find((p) => p.userId === userId)?.personId;
}

/** Whether the actor is one of the persons concerned (by account). */
export const isPersonConcerned = (state: CaseState, actor: Pick<Actor, 'userId'>): boolean => concernedPersonId(state, actor.userId) !== undefined;

/** Whether the actor is the official the case is about (linked through `subject.userId`). */
export const isCaseSubject = (state: CaseState, actor: Pick<Actor, 'userId'>): boolean =>
  state.registration.subject.userId !== undefined && state.registration.subject.userId === actor.userId;

/** Recusal: the subject, a reporting user, or anyone who declared a conflict can never act on the case. */
export const isRecused = (state: CaseState, userId: string): boolean =>
  state.recusedUserIds.includes(userId) || state.registration.subject.userId === userId;

export function assertNotRecused(state: CaseState, actor: Actor): void {
  if (isRecused(state, actor.userId)) throw forbidden('RECUSAL', '您须回避本案 (you are recused from this case)');
}

/** Nor can the case be given to a recused user; `field` names the input that named them. */
export function assertAssignable(state: CaseState, userId: string, field: string): void {
  if (isRecused(state, userId)) throw forbidden('RECUSAL', `${field}: that user is recused from this case`);
}

/** Four eyes: the approver is a supervisor and neither the proposer nor one of the case's investigators. */
export function assertFourEyes(state: CaseState, actor: Actor): void {
  const pending = state.pendingApproval;
  if (!hasRole(actor, 'SUPERVISOR')) {
    throw forbidden('ROLE', '只有审批领导可以审批 (only a supervisor may decide on a proposal)');
  }
  if (pending && pending.proposedBy === actor.userId) {
    throw forbidden('FOUR_EYES', '不能审批自己提出的意见 (the proposer cannot approve their own proposal)');
  }
  if (state.assigneeId === actor.userId || state.investigatorIds.includes(actor.userId)) {
    throw forbidden('FOUR_EYES', '承办人不能审批本案 (an investigator of the case cannot approve it)');
  }
}
