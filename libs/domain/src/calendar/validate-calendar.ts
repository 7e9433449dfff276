import type { FieldProblem } from '../errors';
import { isWeekend, parseDay } from './calendar-day';
import type { CalendarData } from './china-calendar-data';

/**
 * What is wrong with calendar data before it is published (an empty list when nothing is): malformed days,
 * duplicates, a day both off and worked, a make-up workday that is not a weekend day, a regional removal of a
 * day that is not a national holiday. A year's schedule may include days of the adjacent year (the 2019 notice
 * set 2018-12-29 to 31), so days are not required to fall in the year they are listed under.
 */
export function validateCalendarData(calendar: CalendarData): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const days = (list: readonly string[], field: string): Set<string> => {
    const seen = new Set<string>();
    for (const day of list) {
      if (parseDay(day) === undefined) problems.push({ field, message: `"${day}" is not a YYYY-MM-DD date` });
      else if (seen.has(day)) problems.push({ field, message: `${day} is listed twice` });
      seen.add(day);
    }
    return seen;
  };
  const overlap = (a: Set<string>, b: Set<string>, field: string, what: string): void => {
    for (const day of a) if (b.has(day)) problems.push({ field, message: `${day} is both ${what}` });
  };

  if (calendar.version.trim() === '') problems.push({ field: 'version', message: 'must not be empty' });

  const holidays = new Set<string>();
  const makeupWorkdays = new Set<string>();
  for (const [year, schedule] of Object.entries(calendar.years)) {
    const field = `years.${year}`;
    if (!/^\d{4}$/.test(year)) problems.push({ field, message: 'a year must be four digits' });
    const yearHolidays = days(schedule.holidays, `${field}.holidays`);
    const yearMakeup = days(schedule.makeupWorkdays, `${field}.makeupWorkdays`);
    for (const day of yearMakeup) {
      const dayNumber = parseDay(day);
      if (dayNumber !== undefined && !isWeekend(dayNumber)) {
        problems.push({ field: `${field}.makeupWorkdays`, message: `${day} is not a Saturday or Sunday` });
      }
    }
    yearHolidays.forEach((day) => holidays.add(day));
    yearMakeup.forEach((day) => makeupWorkdays.add(day));
  }
  overlap(holidays, makeupWorkdays, 'years', 'a holiday and a make-up workday');

  for (const [code, region] of Object.entries(calendar.regions ?? {})) {
    const field = `regions.${code}`;
    const added = days(region.addHolidays, `${field}.addHolidays`);
    const removed = days(region.removeHolidays, `${field}.removeHolidays`);
    const worked = days(region.addWorkdays, `${field}.addWorkdays`);
    overlap(added, worked, field, 'added as a holiday and as a workday');
    overlap(added, removed, field, 'added and removed as a holiday');
    for (const day of removed) {
      if (parseDay(day) !== undefined && !holidays.has(day)) {
        problems.push({ field: `${field}.removeHolidays`, message: `${day} is not a national holiday` });
      }
    }
  }
  return problems;
}
