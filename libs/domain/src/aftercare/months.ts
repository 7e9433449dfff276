import type { PolicyDuration } from '@dandang/contracts';
import { addDuration, type ClockContext } from '../deadlines/duration';

const DAY_MS = 86_400_000;

/** The same day `months` later (clamped to the month's last day), at the same time of day. */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  target.setUTCHours(from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds());
  return target;
}

/** A policy duration from `start`: on the case's calendar when it has one, in plain calendar time otherwise. */
export function addPolicyDuration(start: Date, duration: PolicyDuration, clock?: ClockContext): Date {
  if (clock) return addDuration(start, duration, clock).dueAt;
  switch (duration.unit) {
    case 'SECOND':
      return new Date(start.getTime() + duration.amount * 1000);
    case 'MONTH':
      return addMonths(start, duration.amount);
    default:
      return new Date(start.getTime() + duration.amount * DAY_MS);
  }
}
