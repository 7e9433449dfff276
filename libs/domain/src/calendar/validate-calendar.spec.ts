import type { CalendarData, CalendarYear, RegionalOverride } from './china-calendar-data';
import { validateCalendarData } from './validate-calendar';

const year = (overrides: Partial<CalendarYear>): CalendarYear => ({ holidays: [], makeupWorkdays: [], ...overrides });
const region = (overrides: Partial<RegionalOverride>): RegionalOverride => ({
  addHolidays: [],
  removeHolidays: [],
  addWorkdays: [],
  ...overrides,
});
const calendar = (overrides: Partial<CalendarData>): CalendarData => ({
  version: 'v1',
  years: { 2025: year({ holidays: ['2025-10-08'], makeupWorkdays: ['2025-10-11'] }) },
  ...overrides,
});

describe('validateCalendarData', () => {
  it('accepts a well-formed calendar, including a region and a day of the adjacent year', () => {
    const data = calendar({
      years: { 2019: year({ holidays: ['2018-12-30', '2018-12-31', '2019-01-01'], makeupWorkdays: ['2018-12-29'] }) },
      regions: { r: region({ addHolidays: ['2019-03-01'], removeHolidays: ['2019-01-01'], addWorkdays: ['2019-03-02'] }) },
    });
    expect(validateCalendarData(data)).toEqual([]);
  });

  it.each([
    ['an empty version', calendar({ version: ' ' }), 'version', 'must not be empty'],
    ['a malformed day', calendar({ years: { 2025: year({ holidays: ['2025-10-32'] }) } }), 'years.2025.holidays', 'not a YYYY-MM-DD'],
    ['a duplicate day', calendar({ years: { 2025: year({ holidays: ['2025-10-08', '2025-10-08'] }) } }), 'years.2025.holidays', 'listed twice'],
    ['a weekday make-up day', calendar({ years: { 2025: year({ makeupWorkdays: ['2025-10-09'] }) } }), 'years.2025.makeupWorkdays', 'not a Saturday or Sunday'],
    [
      'a day both off and worked',
      calendar({ years: { 2025: year({ holidays: ['2025-10-11'] }), 2026: year({ makeupWorkdays: ['2025-10-11'] }) } }),
      'years',
      'both a holiday and a make-up workday',
    ],
    ['a bad year key', calendar({ years: { 25: year({}) } }), 'years.25', 'four digits'],
    ['a region adding and working one day', calendar({ regions: { r: region({ addHolidays: ['2025-06-06'], addWorkdays: ['2025-06-06'] }) } }), 'regions.r', 'added as a holiday and as a workday'],
    ['a region adding and removing one day', calendar({ regions: { r: region({ addHolidays: ['2025-10-08'], removeHolidays: ['2025-10-08'] }) } }), 'regions.r', 'added and removed'],
    ['a region removing a non-holiday', calendar({ regions: { r: region({ removeHolidays: ['2025-10-09'] }) } }), 'regions.r.removeHolidays', 'not a national holiday'],
    ['a region with a malformed day', calendar({ regions: { r: region({ addWorkdays: ['tomorrow'] }) } }), 'regions.r.addWorkdays', 'not a YYYY-MM-DD'],
  ])('reports %s', (_what, data, field, message) => {
    expect(validateCalendarData(data)).toEqual([{ field, message: expect.stringContaining(message) }]);
  });
});
