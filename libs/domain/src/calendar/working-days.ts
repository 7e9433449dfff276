import { invalidInput } from '../errors';
import { civilOf, isWeekend, parseDay, toDayNumber, type DayInput } from './calendar-day';
import type { CalendarData } from './china-calendar-data';

interface RegionIndex {
  addHolidays: ReadonlySet<number>;
  removeHolidays: ReadonlySet<number>;
  addWorkdays: ReadonlySet<number>;
}

interface CalendarIndex {
  holidays: ReadonlySet<number>;
  makeupWorkdays: ReadonlySet<number>;
  publishedYears: ReadonlySet<number>;
  regions: ReadonlyMap<string, RegionIndex>;
}

const NO_REGION: RegionIndex = { addHolidays: new Set(), removeHolidays: new Set(), addWorkdays: new Set() };

// Calendar data is immutable once published, so each object is indexed once. A WeakMap is deterministic and
// available in the workflow sandbox.
const indexes = new WeakMap<CalendarData, CalendarIndex>();

function daySet(days: readonly string[], field: string): Set<number> {
  return new Set(
    days.map((day) => {
      const dayNumber = parseDay(day);
      if (dayNumber === undefined) throw invalidInput([{ field, message: `"${day}" is not a YYYY-MM-DD date` }]);
      return dayNumber;
    }),
  );
}

function indexOf(calendar: CalendarData): CalendarIndex {
  const cached = indexes.get(calendar);
  if (cached) return cached;
  const years = Object.entries(calendar.years);
  const index: CalendarIndex = {
    holidays: daySet(years.flatMap(([, y]) => y.holidays), 'calendar.years.holidays'),
    makeupWorkdays: daySet(years.flatMap(([, y]) => y.makeupWorkdays), 'calendar.years.makeupWorkdays'),
    publishedYears: new Set(years.map(([year]) => Number(year))),
    regions: new Map(
      Object.entries(calendar.regions ?? {}).map(([code, region]) => [
        code,
        {
          addHolidays: daySet(region.addHolidays, `calendar.regions.${code}.addHolidays`),
          removeHolidays: daySet(region.removeHolidays, `calendar.regions.${code}.removeHolidays`),
          addWorkdays: daySet(region.addWorkdays, `calendar.regions.${code}.addWorkdays`),
        },
      ]),
    ),
  };
  indexes.set(calendar, index);
  return index;
}

/** Answers "is this day worked?" for one calendar and region, and remembers which unpublished years it used. */
export interface DayJudge {
  isWorking(dayNumber: number): boolean;
  /** Years consulted so far that have no published schedule, ascending. */
  unpublishedYears(): number[];
}

export function createDayJudge(calendar: CalendarData, region?: string): DayJudge {
  const index = indexOf(calendar);
  const overrides = (region !== undefined && index.regions.get(region)) || NO_REGION;
  const unpublished = new Set<number>();
  return {
    isWorking(dayNumber) {
      const { year } = civilOf(dayNumber);
      if (!index.publishedYears.has(year)) unpublished.add(year);
      if (overrides.addHolidays.has(dayNumber)) return false;
      if (overrides.addWorkdays.has(dayNumber)) return true;
      if (index.makeupWorkdays.has(dayNumber)) return true;
      if (index.holidays.has(dayNumber) && !overrides.removeHolidays.has(dayNumber)) return false;
      return !isWeekend(dayNumber);
    },
    unpublishedYears: () => [...unpublished].sort((a, b) => a - b),
  };
}

/**
 * Whether a day is a working day: Monday–Friday unless a holiday, Saturday and Sunday only as make-up workdays
 * (调休), then the region's overrides on top (its own holidays, holidays it works, its own make-up days).
 * A day in a year with no published schedule is judged on weekends alone. A Date is read in China Standard Time;
 * for another clock pass the `YYYY-MM-DD` from `calendarDayOf(instant, offset)`.
 */
export function isWorkingDay(day: DayInput, calendar: CalendarData, region?: string): boolean {
  return createDayJudge(calendar, region).isWorking(toDayNumber(day, 'day'));
}

/**
 * The number of working days in (from, to]: the days after `from` up to and including `to`. Negative when `to` is
 * before `from` (minus the working days in (to, from]), e.g. how far past a deadline a case is. Used to carry
 * the working days left across a suspension: `addTimeLimit(resumedAt, { amount: left, unit: 'WORKING_DAY' })`.
 */
export function workingDaysBetween(from: DayInput, to: DayInput, calendar: CalendarData, region?: string): number {
  const first = toDayNumber(from, 'from');
  const last = toDayNumber(to, 'to');
  if (last < first) return -workingDaysBetween(to, from, calendar, region);
  const judge = createDayJudge(calendar, region);
  let count = 0;
  for (let day = first + 1; day <= last; day++) if (judge.isWorking(day)) count++;
  return count;
}
