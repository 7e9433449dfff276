import { FIRST_PERSON, type CaseState, type PersonConcerned } from '@dandang/contracts';
import type { Evolve, PayloadCheck } from './action-handlers';
import { conflict, invalidInput } from '../errors';
import { concernedUserIds } from '../access/participants';

export { FIRST_PERSON };

/**
 * The persons and organisations the case concerns: those recorded once it was filed, or the registered subject alone
 * (a case without a procedure, or a clue not yet filed).
 */
export function personsOf(state: CaseState): PersonConcerned[] {
  if (state.persons?.length) return state.persons;
  const { subject } = state.registration;
  return [{ personId: FIRST_PERSON, kind: 'INDIVIDUAL', ...subject, addedBy: state.registeredBy, addedAt: state.registeredAt }];
}

/** The persons concerned when the case is filed: the registered subject, as registered. */
export function personsAtFiling(state: CaseState): PersonConcerned[] {
  return personsOf(state).map((p) => ({ ...p }));
}


export const findPerson = (state: CaseState, personId: string): PersonConcerned | undefined => state.persons?.find((p) => p.personId === personId);

/** The person the payload names, or the refusal naming its field. */
export function personNamed(state: CaseState, personId: string, field = 'personId'): PersonConcerned {
  const person = findPerson(state, personId);
  if (!person) throw invalidInput([{ field, message: `is not a person concerned by this case (${(state.persons ?? []).map((p) => p.personId).join(', ')})` }]);
  return person;
}

const MAX_PERSONS = 30;

export const checkAddPerson: PayloadCheck<'addPersonConcerned'> = (state, p, { actor }) => {
  if ((state.persons?.length ?? 0) >= MAX_PERSONS) throw conflict('TOO_MANY_PERSONS', `一案至多 ${MAX_PERSONS} 个对象 (at most ${MAX_PERSONS} persons per case)`);
  if (p.userId && p.userId === actor.userId) throw invalidInput([{ field: 'userId', message: 'you cannot add yourself as a person concerned' }]);
  if (p.userId && concernedUserIds(state).includes(p.userId)) throw invalidInput([{ field: 'userId', message: 'is already a person concerned by this case' }]);
  if (p.kind === 'ORGANISATION' && (p.userId || p.publicOfficial)) {
    throw invalidInput([{ field: p.userId ? 'userId' : 'publicOfficial', message: 'is for an individual, not an organisation' }]);
  }
};

export const addPersonConcerned: Evolve<'addPersonConcerned'> = (s, p, { actor, at }) => {
  const persons = s.persons ?? personsAtFiling(s);
  const person: PersonConcerned = {
    personId: `P${persons.length + 1}`,
    kind: p.kind,
    name: p.name,
    position: p.position,
    orgUnitId: p.orgUnitId,
    ...(p.userId ? { userId: p.userId } : {}),
    ...(p.publicOfficial !== undefined ? { publicOfficial: p.publicOfficial } : {}),
    addedBy: actor.userId,
    addedAt: at,
  };
  s.persons = [...persons, person];
  // Like the registered subject: they may never act on their own case.
  if (p.userId) recuse(s, p.userId);
  return p.reason;
};

function recuse(s: CaseState, userId: string): void {
  if (!s.recusedUserIds.includes(userId)) s.recusedUserIds.push(userId);
  if (s.assigneeId === userId) s.assigneeId = undefined;
}
