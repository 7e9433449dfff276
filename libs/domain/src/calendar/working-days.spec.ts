import { DomainErrorCode } from '../errors';
import { CHINA_CALENDAR_2025_2026, type CalendarData } from './china-calendar-data';
import { isWorkingDay, workingDaysBetween } from './working-days';

/** The national data plus two regions: one with a local holiday, one that works a national holiday. */
const CALENDAR: CalendarData = {
  ...CHINA_CALENDAR_2025_2026,
  version: 'test-regions',
  regions: {
    'local-festival': { addHolidays: ['2025-06-06'], removeHolidays: [], addWorkdays: [] },
    'works-oct-8': { addHolidays: [], removeHolidays: ['2025-10-08', '2025-10-04'], addWorkdays: ['2025-10-12'] },
  },
};

describe('isWorkingDay', () => {
  it.each([
    ['2025-03-10', 'a plain Monday', true],
    ['2025-03-08', 'a plain Saturday', false],
    ['2025-03-09', 'a plain Sunday', false],
    ['2025-10-08', 'a weekday holiday', false],
    ['2025-10-04', 'a holiday on a Saturday', false],
    ['2025-10-11', 'a make-up Saturday', true],
    ['2025-09-28', 'a make-up Sunday', true],
  ])('judges %s, %s, as working: %p', (day, _what, working) => {
    expect(isWorkingDay(day, CALENDAR)).toBe(working);
  });

  it.each<[string, string | undefined, boolean, string]>([
    ['2025-06-06', 'local-festival', false, 'a region adds a holiday on a Friday'],
    ['2025-06-06', undefined, true, 'the same Friday nationally'],
    ['2025-10-08', 'works-oct-8', true, 'a region removes a weekday holiday'],
    ['2025-10-08', 'local-festival', false, 'another region keeps it'],
    ['2025-10-04', 'works-oct-8', false, 'removing a Saturday holiday leaves a weekend'],
    ['2025-10-12', 'works-oct-8', true, 'a region adds a Sunday workday'],
    ['2025-10-12', undefined, false, 'the same Sunday nationally'],
    ['2025-10-08', 'no-such-region', false, 'a region without overrides follows the national schedule'],
  ])('judges %s in region %p as working: %p (%s)', (day, region, working) => {
    expect(isWorkingDay(day, CALENDAR, region)).toBe(working);
  });

  it.each([
    ['2027-01-01', true, 'a Friday (New Year, but 2027 is not published)'],
    ['2027-01-02', false, 'a Saturday'],
    ['2024-10-01', true, 'a Tuesday (National Day, but 2024 is not in this data)'],
  ])('judges %s in an unpublished year on weekends only: %p, %s', (day, working) => {
    expect(isWorkingDay(day, CALENDAR)).toBe(working);
  });

  it('applies regional overrides in an unpublished year too', () => {
    const calendar: CalendarData = {
      ...CALENDAR,
      regions: { r: { addHolidays: ['2027-01-01'], removeHolidays: [], addWorkdays: [] } },
    };
    expect(isWorkingDay('2027-01-01', calendar, 'r')).toBe(false);
  });

  it.each([
    ['2025-10-08T15:30:00Z', false, '23:30 on Oct 8 in China'],
    ['2025-10-08T16:00:00Z', true, '00:00 on Oct 9 in China, still Oct 8 in UTC'],
  ])('reads the instant %s in China Standard Time: %p (%s)', (instant, working) => {
    expect(isWorkingDay(new Date(instant), CALENDAR)).toBe(working);
  });

  it('refuses a malformed day, naming it', () => {
    expect(() => isWorkingDay('2025-10-32', CALENDAR)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.INVALID_INPUT, fields: [expect.objectContaining({ field: 'day' })] }),
    );
  });

  it('refuses calendar data with a malformed day, naming where it is', () => {
    const broken: CalendarData = { version: 'broken', years: { 2025: { holidays: ['2025-1-1'], makeupWorkdays: [] } } };
    expect(() => isWorkingDay('2025-01-02', broken)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'calendar.years.holidays' })] }),
    );
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2024-12-31', '2025-12-31', undefined, 248],
    ['2025-12-31', '2026-12-31', undefined, 248],
    ['2026-12-31', '2027-12-31', undefined, 261], // unpublished: weekdays only
    ['2025-10-09', '2025-10-09', undefined, 0],
    ['2025-09-30', '2025-10-08', undefined, 0], // all of National Day
    ['2025-09-30', '2025-10-11', undefined, 3], // Oct 9, 10 and make-up Saturday 11
    ['2025-10-11', '2025-09-30', undefined, -3],
    ['2026-02-13', '2026-02-28', undefined, 6], // Feb 14, 24–27, 28
    ['2025-09-30', '2025-10-12', 'works-oct-8', 5], // Oct 8, 9, 10, 11 and the regional Sunday 12
    ['2025-06-05', '2025-06-09', 'local-festival', 1], // only Monday 9
  ])('counts working days in (%s, %s] in region %p: %i', (from, to, region, expected) => {
    expect(workingDaysBetween(from, to, CALENDAR, region)).toBe(expected);
  });

  it('reads instants in China Standard Time', () => {
    const from = new Date('2025-09-30T15:30:00Z'); // 23:30 on Sep 30 in China
    const to = new Date('2025-10-14T15:59:59.999Z'); // the end of Oct 14 in China
    expect(workingDaysBetween(from, to, CALENDAR)).toBe(5); // Oct 9, 10, 11, 13, 14
  });
});
