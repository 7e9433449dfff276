import type { CaseState, PersonConcerned } from '@dandang/contracts';
import type { Evolve, PayloadCheck, Refusal } from './action-handlers';
import { conflict, invalidInput } from '../errors';
import { startStepClock } from '../deadlines/step-clock';
import { personNamed, personsOf } from './persons';
import { notInFuture } from './action-times';

/**
 * 事实材料见面 and 陈述申辩 (问责条例 2019; 监督执纪工作规则): the facts found are shown to each person concerned, who may
 * state their case and defend themselves within a time limit (stepLimits.STATEMENT), sign the record or refuse (the
 * refusal is noted). The report waits until every person has had that chance.
 */

/** Persons who have not yet had their chance: facts not shown, or no answer while the time to answer runs. */
export function statementsOutstanding(state: CaseState, now: Date): PersonConcerned[] {
  return personsOf(state).filter((p) => {
    const st = p.statement;
    if (!st) return true;
    if (st.answer) return false;
    // Without a clock (a case that keeps none) the answer itself is awaited.
    return !st.deadline || now.getTime() < Date.parse(st.deadline.dueAt);
  });
}

/** Refuses the report while a person was never shown the facts (the time to answer is checked with the time). */
export const factsShownToAll = (state: CaseState): Refusal | undefined => {
  if (!state.procedure) return undefined;
  const unshown = personsOf(state).filter((p) => !p.statement);
  return unshown.length
    ? () => conflict('FACTS_NOT_SHOWN', `事实材料尚未与 ${unshown.map((p) => p.name).join('、')} 见面 (show the facts to every person concerned first)`)
    : undefined;
};

/** Refuses the report (or its approval) until every person concerned has answered or let their time pass. */
export function checkStatementsHeard(state: CaseState, now: Date): void {
  if (!state.procedure) return;
  const waiting = statementsOutstanding(state, now);
  if (waiting.length) {
    throw conflict('STATEMENT_PENDING', `${waiting.map((p) => p.name).join('、')} 的陈述申辩期限未满 (every person concerned must have had the chance to answer)`);
  }
}

/** A statement can be recorded once the facts were shown to someone who has not answered. */
export const statementAwaited = (state: CaseState): Refusal | undefined =>
  (state.persons ?? []).some((p) => p.statement && !p.statement.answer)
    ? undefined
    : () => conflict('NO_STATEMENT_DUE', '没有待登记的陈述申辩 (show the facts to a person first; every statement due is recorded)');

export const checkPresentFacts: PayloadCheck<'presentFactMaterials'> = (state, p, { now }) => {
  personNamed(state, p.personId);
  notInFuture(p.presentedAt, 'presentedAt', now);
};

export const presentFactMaterials: Evolve<'presentFactMaterials'> = (s, p, { actor, clock }) => {
  const person = s.persons!.find((x) => x.personId === p.personId)!;
  const presentedAt = new Date(p.presentedAt).toISOString();
  // Shown again (the facts changed): the earlier answer stays in the case's history, a new one is due.
  person.statement = { presentedAt, presentedBy: actor.userId, ...optionalDeadline(s, presentedAt, clock) };
  return undefined;
};

function optionalDeadline(s: CaseState, from: string, clock: Parameters<typeof startStepClock>[4]) {
  const deadline = startStepClock(s, 'STATEMENT', 'INVESTIGATION', new Date(from), clock);
  return deadline ? { deadline } : {};
}

export const checkRecordStatement: PayloadCheck<'recordStatement'> = (state, p, { now }) => {
  const person = personNamed(state, p.personId);
  if (!person.statement) throw conflict('FACTS_NOT_SHOWN', `事实材料尚未与 ${person.name} 见面 (show them the facts first)`);
  if (person.statement.answer) throw conflict('STATEMENT_RECORDED', `${person.name} 的陈述申辩已登记 (their statement is recorded already)`);
  notInFuture(p.receivedAt, 'receivedAt', now);
  if (Date.parse(p.receivedAt) < Date.parse(person.statement.presentedAt)) {
    throw invalidInput([{ field: 'receivedAt', message: 'must not be before the facts were shown' }]);
  }
};

export const recordStatement: Evolve<'recordStatement'> = (s, p, { actor }) => {
  const statement = s.persons!.find((x) => x.personId === p.personId)!.statement!;
  statement.answer = {
    receivedAt: new Date(p.receivedAt).toISOString(),
    summary: p.summary,
    signature: p.signature,
    ...(p.adopted ? { adopted: p.adopted } : {}),
    recordedBy: actor.userId,
  };
  return p.summary;
};
