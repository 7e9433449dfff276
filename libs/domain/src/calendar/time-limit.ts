import type { TimeLimit } from '@dandang/contracts';
import { invalidInput } from '../errors';
import {
  addMonths,
  assertOffset,
  CHINA_STANDARD_TIME_OFFSET_MINUTES,
  endOfCalendarDay,
  startOfCalendarDay,
  formatDay,
  toDayNumber,
} from './calendar-day';
import type { CalendarData } from './china-calendar-data';
import { createDayJudge, type DayJudge } from './working-days';

/** Larger amounts are data errors, refused rather than counted for minutes. */
export const MAX_TIME_LIMIT_AMOUNT = 10_000;
/** No real calendar rests this long; more means broken data, refused rather than looping. */
const MAX_CONSECUTIVE_REST_DAYS = 366;

export interface TimeLimitOptions {
  /** Region code whose overrides apply (CalendarData.regions). */
  region?: string;
  /** The clock days are counted on, in minutes east of UTC. Default +480, China Standard Time. */
  timeZoneOffsetMinutes?: number;
  /**
   * CALENDAR_DAY and MONTH limits whose last day is a rest day end on the next working day (民法典 art. 203).
   * Default true; a WORKING_DAY limit always ends on a working day.
   */
  rollForwardToWorkingDay?: boolean;
}

export interface TimeLimitResult {
  /** The end of the last day, 23:59:59.999 on the counting clock (民法典 art. 203: the last day ends at 24:00). */
  deadline: Date;
  /** The last day of the period, `YYYY-MM-DD` on the counting clock. */
  lastDay: string;
  /** Years whose days were judged without a published schedule (weekends only): flag the case. */
  unpublishedYears: number[];
}

function nextWorkingDay(dayNumber: number, judge: DayJudge): number {
  for (let day = dayNumber, rest = 0; rest <= MAX_CONSECUTIVE_REST_DAYS; day++, rest++) {
    if (judge.isWorking(day)) return day;
  }
  throw invalidInput([{ field: 'calendar', message: `no working day within a year after ${formatDay(dayNumber)}` }]);
}

function lastDayOf(startDay: number, limit: TimeLimit, judge: DayJudge): number {
  switch (limit.unit) {
    case 'WORKING_DAY': {
      let day = startDay;
      for (let counted = 0; counted < limit.amount; counted++) day = nextWorkingDay(day + 1, judge);
      return day;
    }
    case 'CALENDAR_DAY':
      return startDay + limit.amount;
    case 'MONTH':
      return addMonths(startDay, limit.amount);
    default: {
      const unit: never = limit.unit;
      throw invalidInput([{ field: 'limit.unit', message: `unknown unit ${String(unit)}` }]);
    }
  }
}

/**
 * When a time limit that starts at `start` runs out, counted as docs/domain.md §f says (民法典 art. 200–204): the
 * start day is not counted; WORKING_DAY counts working days after it; CALENDAR_DAY counts calendar days; MONTH
 * ends on the corresponding day of the final month, or that month's last day when it has none (Jan 31 + 1 month
 * is Feb 28/29). A CALENDAR_DAY or MONTH period whose last day is a rest day ends on the next working day. An
 * amount of 0 ends with the start day (rolled forward when it is a rest day). The deadline is the end of the last
 * day on the counting clock, returned as an instant.
 */
export function addTimeLimit(
  start: Date,
  limit: TimeLimit,
  calendar: CalendarData,
  options: TimeLimitOptions = {},
): TimeLimitResult {
  const { region, timeZoneOffsetMinutes = CHINA_STANDARD_TIME_OFFSET_MINUTES, rollForwardToWorkingDay = true } = options;
  if (!Number.isInteger(limit.amount) || limit.amount < 0 || limit.amount > MAX_TIME_LIMIT_AMOUNT) {
    throw invalidInput([{ field: 'limit.amount', message: `must be a whole number from 0 to ${MAX_TIME_LIMIT_AMOUNT}` }]);
  }
  assertOffset(timeZoneOffsetMinutes);
  const judge = createDayJudge(calendar, region);
  const counted = lastDayOf(toDayNumber(start, 'start', timeZoneOffsetMinutes), limit, judge);
  const lastDay = rollForwardToWorkingDay || limit.unit === 'WORKING_DAY' ? nextWorkingDay(counted, judge) : counted;
  return {
    deadline: endOfCalendarDay(formatDay(lastDay), timeZoneOffsetMinutes),
    lastDay: formatDay(lastDay),
    unpublishedYears: judge.unpublishedYears(),
  };
}

/**
 * The instant at `fraction` (0–1) of the way from `start` to `deadline`, e.g. 0.5 and 0.8 for reminders.
 * Proportional in elapsed time, rounded to the millisecond.
 */
export function fractionPoint(start: Date, deadline: Date, fraction: number): Date {
  const [from, to] = [start.getTime(), deadline.getTime()];
  if (Number.isNaN(from) || Number.isNaN(to)) {
    throw invalidInput([{ field: Number.isNaN(from) ? 'start' : 'deadline', message: 'is an invalid Date' }]);
  }
  if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw invalidInput([{ field: 'fraction', message: 'must be between 0 and 1' }]);
  }
  return new Date(from + Math.round((to - from) * fraction));
}

/**
 * Start of business on the counting clock, minutes after midnight: 09:00. Offices open between 08:00 and 09:00
 * depending on locality and season (作息时间), so at 09:00 every one of them is open and a rung is read that morning.
 */
export const START_OF_BUSINESS_MINUTES = 9 * 60;

/**
 * Where a rung of a WORKING_DAY limit falls: at start of business of a working day, counted in the limit's working
 * days (start day excluded, last day = the deadline's day). Up to the deadline (fraction ≤ 1) it is the working day
 * on which `fraction` of them have elapsed, so a reminder is never later than its fraction (5 WD: 50 % on the 3rd
 * working day, 80 % on the 4th). Past the deadline (fraction > 1, an escalation) it is the first working day after
 * that share of the limit has run out in full, so a sanction never comes early. Never on a rest day.
 */
export function workingDayPoint(
  start: Date,
  deadline: Date,
  fraction: number,
  calendar: CalendarData,
  options: Pick<TimeLimitOptions, 'region' | 'timeZoneOffsetMinutes'> = {},
): Date {
  const { region, timeZoneOffsetMinutes = CHINA_STANDARD_TIME_OFFSET_MINUTES } = options;
  if (!Number.isFinite(fraction) || fraction < 0) {
    throw invalidInput([{ field: 'fraction', message: 'must be 0 or more' }]);
  }
  assertOffset(timeZoneOffsetMinutes);
  const startDay = toDayNumber(start, 'start', timeZoneOffsetMinutes);
  const lastDay = toDayNumber(deadline, 'deadline', timeZoneOffsetMinutes);
  const judge = createDayJudge(calendar, region);
  let limitDays = 0;
  for (let day = startDay + 1; day <= lastDay; day++) if (judge.isWorking(day)) limitDays++;
  // A limit with no working day in it (amount 0) has no day to place a rung on: time fractions, as before.
  if (limitDays === 0) return fractionPoint(start, deadline, Math.min(fraction, 1));
  // Rounded to a millionth first, so that 0.8 × 5 is 4, not 4.000000000000001.
  const share = (f: number) => Math.round(f * limitDays * 1e6) / 1e6;
  const nth = fraction <= 1 ? Math.max(1, Math.ceil(share(fraction))) : limitDays + Math.ceil(share(fraction - 1)) + 1;
  let day = startDay;
  for (let counted = 0; counted < nth; counted++) day = nextWorkingDay(day + 1, judge);
  return new Date(startOfCalendarDay(formatDay(day), timeZoneOffsetMinutes).getTime() + START_OF_BUSINESS_MINUTES * 60_000);
}
