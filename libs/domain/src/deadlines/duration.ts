import type { PinnedCalendar, PolicyDuration } from '@dandang/contracts';
import { addTimeLimit } from '../calendar/time-limit';
import { workingDaysBetween } from '../calendar/working-days';
import { calendarDayOf } from '../calendar/calendar-day';

const DAY_MS = 86_400_000;

/** Where a calendar and region come from for one case. */
export interface ClockContext {
  calendar: PinnedCalendar;
  region?: string;
  /**
   * INTAKE and the first disposition count from the clue's receipt (`startStageClock`); absent in cases whose
   * history predates that rule (patch `clocks-from-receipt`), whose clocks count from each stage's start.
   */
  countsFromReceipt?: boolean;
}

/** When a duration that starts at `start` runs out, on the case's pinned calendar. */
export function addDuration(
  start: Date,
  duration: PolicyDuration,
  context: ClockContext,
): { dueAt: Date; unpublishedYears: number[] } {
  if (duration.unit === 'SECOND') return { dueAt: new Date(start.getTime() + duration.amount * 1000), unpublishedYears: [] };
  const result = addTimeLimit(start, duration, context.calendar, { region: context.region });
  return { dueAt: result.deadline, unpublishedYears: result.unpublishedYears };
}

/**
 * What is left of a clock at `now`, in a unit that `addDuration` counts again on resumption: working days stay
 * working days; calendar days and months become calendar days; seconds stay seconds.
 */
export function remainingDuration(now: Date, dueAt: Date, unit: PolicyDuration['unit'], context: ClockContext): PolicyDuration {
  if (dueAt.getTime() <= now.getTime()) return { amount: 0, unit: unit === 'SECOND' ? 'SECOND' : 'CALENDAR_DAY' };
  switch (unit) {
    case 'SECOND':
      return { amount: Math.ceil((dueAt.getTime() - now.getTime()) / 1000), unit };
    case 'WORKING_DAY':
      return { amount: workingDaysBetween(calendarDayOf(now), calendarDayOf(dueAt), context.calendar, context.region), unit };
    default: {
      const days = Math.round((Date.parse(calendarDayOf(dueAt)) - Date.parse(calendarDayOf(now))) / DAY_MS);
      return { amount: Math.max(0, days), unit: 'CALENDAR_DAY' };
    }
  }
}
