import type { CaseState } from '@dandang/contracts';
import type { Evolve, PayloadCheck, Refusal } from '../case/action-handlers';
import { conflict, invalidInput } from '../errors';
import { startStepClock } from '../deadlines/step-clock';
import type { ClockContext } from '../deadlines/duration';
import { scheduleFollowUps, timeFollowUps } from './follow-up';
import { notInFuture } from '../case/action-times';

/**
 * After a fault-tolerance exemption (容错免责) the body makes it known (免责通报, [L: 贵阳]) and looks after the cadre so
 * that they dare to act again (关爱回访): the notice on a step clock (stepLimits.EXEMPTION_NOTICE) and care visits at
 * the pinned policy's months (careVisitMonths), each owed until recorded. Policies pinned before owe neither.
 */
export function oweExemptionAftercare(s: CaseState, at: string, clock: ClockContext | undefined): void {
  if (s.policy.stepLimits?.EXEMPTION_NOTICE) {
    const deadline = startStepClock(s, 'EXEMPTION_NOTICE', s.stage, new Date(at), clock);
    s.exemptionNotice = deadline ? { deadline } : {};
  }
  const months = s.policy.careVisitMonths ?? [];
  if (months.length) s.followUp = scheduleFollowUps(at, months, undefined, s.followUp, 'CARE_VISIT');
  timeFollowUps(s, clock);
}

export const exemptionNoticeOwed = (state: CaseState): boolean => Boolean(state.exemptionNotice && !state.exemptionNotice.record);

export const exemptionNoticeDue = (state: CaseState): Refusal | undefined =>
  exemptionNoticeOwed(state) ? undefined : () => conflict('NO_EXEMPTION_NOTICE_DUE', '没有待办的免责通报 (no exemption waits to be made known)');

export const checkExemptionNotice: PayloadCheck<'recordExemptionNotice'> = (state, p, { now }) => {
  notInFuture(p.notifiedAt, 'notifiedAt', now);
  if (state.tolerance && Date.parse(p.notifiedAt) < Date.parse(state.tolerance.determinedAt)) {
    throw invalidInput([{ field: 'notifiedAt', message: 'must not be before the exemption was determined' }]);
  }
};

export const recordExemptionNotice: Evolve<'recordExemptionNotice'> = (s, p, { actor }) => {
  // Recorded: its clock stops (the record replaces it).
  s.exemptionNotice = { record: { notifiedAt: new Date(p.notifiedAt).toISOString(), scope: p.scope, note: p.note, by: actor.userId } };
  return p.note;
};
