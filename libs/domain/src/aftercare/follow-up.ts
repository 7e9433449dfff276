import type { CaseState, FollowUpVisit } from '@dandang/contracts';
import { addMonths } from './months';
import { startStepClock } from '../deadlines/step-clock';
import type { ClockContext } from '../deadlines/duration';

/**
 * 回访: visits `months` after `from` (default 1, 6 and 12), plus one at the impact period's end when there is one
 * and no visit falls on that day already. Ids continue after `existing`, so a second schedule never reuses one.
 */
export function scheduleFollowUps(
  from: string,
  months: readonly number[],
  impactPeriodEndsAt: string | undefined,
  existing: readonly FollowUpVisit[] = [],
  kind: 'AFTER_MONTHS' | 'CARE_VISIT' = 'AFTER_MONTHS',
): FollowUpVisit[] {
  let n = existing.length;
  const id = () => `V${++n}`;
  const visits: FollowUpVisit[] = months.map((m) => ({ id: id(), kind, months: m, dueAt: addMonths(new Date(from), m).toISOString() }));
  const day = (iso: string) => iso.slice(0, 10);
  if (impactPeriodEndsAt && !visits.some((v) => day(v.dueAt) === day(impactPeriodEndsAt))) {
    visits.push({ id: id(), kind: 'IMPACT_PERIOD_END', dueAt: impactPeriodEndsAt });
  }
  return [...existing, ...visits];
}

/** Drops the visits not made yet (an appeal revoked the decision they followed). */
export const cancelPendingVisits = (visits: readonly FollowUpVisit[]): FollowUpVisit[] => visits.filter((v) => v.record);

/**
 * Each visit not yet made gets its clock once the policy times visits: from its date, `stepLimits.FOLLOW_UP_VISIT` to
 * make it, on the same ladder as any step (reminders to the officer, then cards and escalation). Visits scheduled
 * under an older policy keep none.
 */
export function timeFollowUps(s: CaseState, clock: ClockContext | undefined): void {
  if (!s.followUp?.some((v) => !v.record && !v.deadline)) return;
  s.followUp = s.followUp.map((v) => {
    if (v.record || v.deadline) return v;
    const deadline = startStepClock(s, 'FOLLOW_UP_VISIT', s.stage, new Date(v.dueAt), clock);
    return deadline ? { ...v, deadline } : v;
  });
}
