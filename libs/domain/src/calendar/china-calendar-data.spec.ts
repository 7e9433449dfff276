import { parseDay, weekdayOf } from './calendar-day';
import { CHINA_CALENDAR_2025_2026 as CALENDAR } from './china-calendar-data';
import { validateCalendarData } from './validate-calendar';
import { isWorkingDay, workingDaysBetween } from './working-days';

const daysOf = (year: number): string[] => {
  const days: string[] = [];
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
};
const weekday = (text: string): number => weekdayOf(parseDay(text) ?? Number.NaN);
const isWeekendDay = (text: string): boolean => [0, 6].includes(weekday(text));

describe('CHINA_CALENDAR_2025_2026 (docs/domain.md §f)', () => {
  it.each([
    // year, working days, weekday holidays, make-up workdays, holiday days listed
    [2025, 248, 18, 5, 28],
    [2026, 248, 19, 6, 33],
  ])('%i has %i working days (%i weekday holidays, %i make-up workdays, %i days off listed)', (year, working, weekdayHolidays, makeup, listed) => {
    const schedule = CALENDAR.years[year];
    expect(daysOf(year).filter((d) => isWorkingDay(d, CALENDAR))).toHaveLength(working);
    expect(workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`, CALENDAR)).toBe(working);
    expect(schedule.holidays.filter((d) => !isWeekendDay(d))).toHaveLength(weekdayHolidays);
    expect(schedule.makeupWorkdays).toHaveLength(makeup);
    expect(schedule.holidays).toHaveLength(listed);
  });

  it.each([
    ['2025-01-01', 'Wed', false], // New Year
    ['2025-01-26', 'Sun', true], // make-up for Spring Festival
    ['2025-01-27', 'Mon', true],
    ['2025-01-28', 'Tue', false], // Lunar New Year's Eve
    ['2025-02-04', 'Tue', false],
    ['2025-02-05', 'Wed', true],
    ['2025-02-08', 'Sat', true], // make-up
    ['2025-02-09', 'Sun', false],
    ['2025-04-04', 'Fri', false], // Qingming
    ['2025-04-27', 'Sun', true], // make-up for Labour Day
    ['2025-05-05', 'Mon', false],
    ['2025-06-02', 'Mon', false], // Dragon Boat
    ['2025-09-28', 'Sun', true], // make-up for National Day
    ['2025-10-08', 'Wed', false], // National Day + Mid-Autumn, 8 days
    ['2025-10-09', 'Thu', true],
    ['2025-10-11', 'Sat', true], // make-up
    ['2026-01-02', 'Fri', false],
    ['2026-01-04', 'Sun', true], // make-up for New Year
    ['2026-02-14', 'Sat', true], // make-up for Spring Festival
    ['2026-02-16', 'Mon', false],
    ['2026-02-23', 'Mon', false],
    ['2026-02-24', 'Tue', true],
    ['2026-02-28', 'Sat', true], // make-up
    ['2026-04-06', 'Mon', false], // Qingming
    ['2026-05-09', 'Sat', true], // make-up for Labour Day
    ['2026-06-19', 'Fri', false], // Dragon Boat
    ['2026-09-20', 'Sun', true], // make-up for National Day
    ['2026-09-25', 'Fri', false], // Mid-Autumn
    ['2026-10-07', 'Wed', false],
    ['2026-10-08', 'Thu', true], // National Day 2026 is Oct 1–7 only
    ['2026-10-10', 'Sat', true], // make-up
    ['2026-10-11', 'Sun', false],
  ])('%s (%s) is a working day: %p', (day, weekdayName, working) => {
    expect(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][weekday(day)]).toBe(weekdayName);
    expect(isWorkingDay(day, CALENDAR)).toBe(working);
  });

  it('lists only weekend days as make-up workdays, each of them worked', () => {
    const makeup = Object.values(CALENDAR.years).flatMap((y) => y.makeupWorkdays);
    expect(makeup.filter((d) => !isWeekendDay(d))).toEqual([]);
    expect(makeup.filter((d) => !isWorkingDay(d, CALENDAR))).toEqual([]);
  });

  it('passes its own validation', () => {
    expect(validateCalendarData(CALENDAR)).toEqual([]);
  });

  it('is versioned and frozen, so a pinned version cannot change under a running case', () => {
    expect(CALENDAR.version).toMatch(/\S/);
    expect(Object.isFrozen(CALENDAR.years)).toBe(true);
    expect(Object.isFrozen(CALENDAR.years[2026].holidays)).toBe(true);
  });
});
