import type { TimeLimit } from '@dandang/contracts';
import { DomainErrorCode } from '../errors';
import { CHINA_CALENDAR_2025_2026, type CalendarData } from './china-calendar-data';
import { addTimeLimit, fractionPoint, workingDayPoint, type TimeLimitOptions } from './time-limit';
import { isWorkingDay } from './working-days';
import { workingDaysBetween } from './working-days';

const CALENDAR: CalendarData = {
  ...CHINA_CALENDAR_2025_2026,
  version: 'test-regions',
  regions: {
    'local-festival': { addHolidays: ['2025-06-06'], removeHolidays: [], addWorkdays: [] },
    'works-oct-8': { addHolidays: [], removeHolidays: ['2025-10-08'], addWorkdays: [] },
  },
};

/** 10:00 in China on a day. */
const at10 = (day: string): Date => new Date(`${day}T10:00:00+08:00`);
const wd = (amount: number): TimeLimit => ({ amount, unit: 'WORKING_DAY' });
const cd = (amount: number): TimeLimit => ({ amount, unit: 'CALENDAR_DAY' });
const months = (amount: number): TimeLimit => ({ amount, unit: 'MONTH' });
const lastDay = (start: string, limit: TimeLimit, options?: TimeLimitOptions): string =>
  addTimeLimit(at10(start), limit, CALENDAR, options).lastDay;

describe('addTimeLimit', () => {
  it('ends at the last millisecond of the last day in China, as a UTC instant', () => {
    expect(addTimeLimit(at10('2025-03-10'), wd(1), CALENDAR)).toEqual({
      deadline: new Date('2025-03-11T15:59:59.999Z'),
      lastDay: '2025-03-11',
      unpublishedYears: [],
    });
  });

  describe('in working days, the start day not counted', () => {
    it.each([
      ['2025-03-10', 5, '2025-03-17', 'a plain week'],
      ['2025-09-30', 5, '2025-10-14', 'across National Day 2025, with make-up Saturday Oct 11'],
      ['2025-09-24', 15, '2025-10-21', 'the 15-WD inquiry reply across National Day'],
      ['2025-09-26', 3, '2025-09-30', 'make-up Sunday Sep 28 counts'],
      ['2026-09-30', 1, '2026-10-08', 'National Day 2026 ends Oct 7'],
      ['2026-09-18', 2, '2026-09-21', 'make-up Sunday Sep 20 counts'],
      ['2026-02-13', 1, '2026-02-14', 'make-up Saturday Feb 14'],
      ['2026-02-13', 2, '2026-02-24', 'then all of Spring Festival'],
      ['2026-02-27', 1, '2026-02-28', 'make-up Saturday Feb 28'],
      ['2025-02-07', 1, '2025-02-08', 'make-up Saturday Feb 8'],
      ['2026-05-08', 1, '2026-05-09', 'make-up Saturday May 9'],
      ['2025-10-08', 0, '2025-10-09', 'zero from a holiday ends on the next working day'],
      ['2025-10-09', 0, '2025-10-09', 'zero from a working day ends that day'],
    ])('%s + %i WD ends on %s (%s)', (start, amount, expected) => {
      expect(lastDay(start, wd(amount))).toBe(expected);
    });
  });

  describe('in calendar days, rolling a rest day forward', () => {
    it.each<[string, number, string, TimeLimitOptions | undefined, string]>([
      ['2025-03-03', 30, '2025-04-02', undefined, 'a working last day'],
      ['2026-02-10', 7, '2026-02-24', undefined, 'ends in Spring Festival 2026'],
      ['2025-01-20', 10, '2025-02-05', undefined, 'ends in Spring Festival 2025'],
      ['2025-03-01', 7, '2025-03-10', undefined, 'ends on a Saturday'],
      ['2026-02-07', 7, '2026-02-14', undefined, 'ends on a make-up Saturday, which is worked'],
      ['2026-02-10', 7, '2026-02-17', { rollForwardToWorkingDay: false }, 'roll-forward off'],
      ['2025-03-08', 0, '2025-03-10', undefined, 'zero from a Saturday'],
    ])('%s + %i days ends on %s (options %p: %s)', (start, amount, expected, options) => {
      expect(lastDay(start, cd(amount), options)).toBe(expected);
    });
  });

  describe('in months, on the corresponding day', () => {
    it.each([
      ['2025-01-15', 1, '2025-02-17', 'Feb 15 is a Saturday, rolled to Monday'],
      ['2025-01-31', 1, '2025-02-28', 'no Feb 31: the month ends'],
      ['2025-03-31', 1, '2025-04-30', 'no Apr 31'],
      ['2025-12-31', 2, '2026-02-28', 'Feb 28 2026 is a make-up Saturday, worked'],
      ['2025-09-01', 1, '2025-10-09', 'Oct 1 rolls past National Day'],
      ['2026-01-17', 1, '2026-02-24', 'Feb 17 rolls past Spring Festival'],
      ['2025-12-15', 3, '2026-03-16', 'Mar 15 is a Sunday'],
    ])('%s + %i months ends on %s (%s)', (start, amount, expected) => {
      expect(lastDay(start, months(amount))).toBe(expected);
    });

    it('ends on Feb 29 in a leap year (weekends only: 2024 is not published)', () => {
      expect(addTimeLimit(at10('2024-01-31'), months(1), CALENDAR)).toEqual({
        deadline: new Date('2024-02-29T15:59:59.999Z'),
        lastDay: '2024-02-29',
        unpublishedYears: [2024],
      });
    });
  });

  describe('with regional overrides', () => {
    it.each<[string, TimeLimit, string | undefined, string, string]>([
      ['2025-06-05', wd(1), 'local-festival', '2025-06-09', 'a regional holiday is skipped'],
      ['2025-06-05', wd(1), undefined, '2025-06-06', 'nationally it is worked'],
      ['2025-06-05', cd(1), 'local-festival', '2025-06-09', 'a last day on it rolls forward'],
      ['2025-09-30', wd(1), 'works-oct-8', '2025-10-08', 'a removed holiday is counted'],
      ['2025-09-30', wd(1), undefined, '2025-10-09', 'nationally it is not'],
    ])('%s + %p in region %p ends on %s (%s)', (start, limit, region, expected) => {
      expect(lastDay(start, limit, { region })).toBe(expected);
    });
  });

  describe('in a year with no published schedule', () => {
    it.each([
      ['2026-12-30', wd(3), '2027-01-04', [2027], 'New Year 2027 is counted as a working Friday'],
      ['2026-11-30', months(3), '2027-03-01', [2027], 'Feb 28 2027 is a Sunday'],
      ['2024-12-30', wd(3), '2025-01-03', [2024], 'Dec 31 2024 was judged without a schedule'],
      ['2024-12-31', wd(1), '2025-01-02', [], 'the start day is not counted, so 2024 is not consulted'],
      ['2026-12-31', wd(300), expect.any(String), [2027, 2028], 'a long limit reports each year once'],
      ['2025-06-01', months(1), '2025-07-01', [], 'a published year reports nothing'],
    ])('%s + %p ends on %p and reports %p (%s)', (start, limit, expected, years) => {
      const result = addTimeLimit(at10(start), limit, CALENDAR);
      expect(result.lastDay).toEqual(expected);
      expect(result.unpublishedYears).toEqual(years);
    });
  });

  describe('on the China clock', () => {
    it.each<[string, TimeLimit, number | undefined, string, string]>([
      ['2025-10-09T15:30:00Z', wd(1), undefined, '2025-10-10T15:59:59.999Z', '23:30 on Thu Oct 9 counts as Oct 9'],
      ['2025-10-09T16:00:00Z', wd(1), undefined, '2025-10-11T15:59:59.999Z', '00:00 on Fri Oct 10, though UTC says Oct 9'],
      ['2026-02-13T15:30:00Z', wd(1), undefined, '2026-02-14T15:59:59.999Z', '23:30 on Fri Feb 13: make-up Saturday next'],
      ['2026-02-13T16:00:00Z', wd(1), undefined, '2026-02-24T15:59:59.999Z', '00:00 on Sat Feb 14: Spring Festival next'],
      ['2025-10-09T16:00:00Z', wd(1), 0, '2025-10-10T23:59:59.999Z', 'a UTC clock when asked'],
    ])('%s + %p at offset %p ends at %s (%s)', (start, limit, offset, expected) => {
      const { deadline } = addTimeLimit(new Date(start), limit, CALENDAR, { timeZoneOffsetMinutes: offset });
      expect(deadline.toISOString()).toBe(expected);
    });
  });

  it('carries the working days left across a suspension', () => {
    const { deadline } = addTimeLimit(at10('2025-09-24'), wd(15), CALENDAR); // Oct 21
    const left = workingDaysBetween(at10('2025-09-29'), deadline, CALENDAR); // suspended on day 4
    expect(left).toBe(11);
    expect(addTimeLimit(at10('2025-10-13'), wd(left), CALENDAR).lastDay).toBe('2025-10-28');
  });

  it('is deterministic: the same input gives the same deadline', () => {
    const run = () => addTimeLimit(at10('2025-09-24'), wd(15), CALENDAR, { region: 'works-oct-8' });
    expect(run()).toEqual(run());
  });

  it.each([
    [wd(-1), {}, 'limit.amount'],
    [wd(1.5), {}, 'limit.amount'],
    [cd(Number.NaN), {}, 'limit.amount'],
    [months(10_001), {}, 'limit.amount'],
    [{ amount: 1, unit: 'YEAR' } as unknown as TimeLimit, {}, 'limit.unit'],
    [wd(1), { timeZoneOffsetMinutes: 24 * 60 }, 'timeZoneOffsetMinutes'],
  ])('refuses %p with options %p, naming %s', (limit, options, field) => {
    expect(() => addTimeLimit(at10('2025-03-10'), limit, CALENDAR, options)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.INVALID_INPUT, fields: [expect.objectContaining({ field })] }),
    );
  });

  it('refuses an invalid start', () => {
    expect(() => addTimeLimit(new Date('not a date'), wd(1), CALENDAR)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'start' })] }),
    );
  });

  it('refuses a calendar with no working day in sight instead of looping', () => {
    const holidays = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
    const allOff: CalendarData = { version: 'all-off', years: { 2025: { holidays, makeupWorkdays: [] } } };
    const tooLong: CalendarData = { ...allOff, regions: { r: { addHolidays: ['2026-01-01', '2026-01-02'], removeHolidays: [], addWorkdays: [] } } };
    expect(() => addTimeLimit(at10('2024-12-31'), wd(1), tooLong, { region: 'r' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'calendar' })] }),
    );
  });
});

describe('fractionPoint', () => {
  const start = new Date('2025-01-01T00:00:00Z');
  const deadline = new Date('2025-01-11T00:00:00Z');

  it.each([
    [0, '2025-01-01T00:00:00.000Z'],
    [0.5, '2025-01-06T00:00:00.000Z'],
    [0.8, '2025-01-09T00:00:00.000Z'],
    [1, '2025-01-11T00:00:00.000Z'],
  ])('puts %p of the way at %s', (fraction, expected) => {
    expect(fractionPoint(start, deadline, fraction).toISOString()).toBe(expected);
  });

  it('rounds to the millisecond', () => {
    expect(fractionPoint(new Date(0), new Date(3), 0.5).getTime()).toBe(2);
  });

  it.each([-0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the fraction %p', (fraction) => {
    expect(() => fractionPoint(start, deadline, fraction)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'fraction' })] }),
    );
  });

  it('refuses an invalid deadline', () => {
    expect(() => fractionPoint(start, new Date(Number.NaN), 0.5)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'deadline' })] }),
    );
  });
});

describe('workingDayPoint', () => {
  /** The rung at `fraction` of `amount` WD started at 10:00 on `start`, as an instant in China time. */
  const rung = (start: string, amount: number, fraction: number, options?: TimeLimitOptions): string => {
    const { deadline } = addTimeLimit(at10(start), wd(amount), CHINA_CALENDAR_2025_2026, options);
    return workingDayPoint(at10(start), deadline, fraction, CHINA_CALENDAR_2025_2026, options).toISOString();
  };
  /** 09:00 (start of business) in China on a day. */
  const at9 = (day: string) => new Date(`${day}T09:00:00+08:00`).toISOString();

  it('places the rungs of 5 WD over the Spring Festival on working days, never on the holiday', () => {
    // Thursday 2026-02-12 + 5 WD: 02-13, Saturday 02-14 (调休上班), then the festival (02-15…23), 02-24, 02-25, 02-26.
    expect(addTimeLimit(at10('2026-02-12'), wd(5), CHINA_CALENDAR_2025_2026).lastDay).toBe('2026-02-26');
    // 2.5 WD elapse during the 3rd working day: remind at its start, not on 02-19 as halfway in hours would.
    expect(rung('2026-02-12', 5, 0.5)).toBe(at9('2026-02-24'));
    expect(rung('2026-02-12', 5, 0.8)).toBe(at9('2026-02-25'));
    // A fifth past due is one more working day (02-27) run out in full: escalate on make-up Saturday 02-28.
    expect(rung('2026-02-12', 5, 1.2)).toBe(at9('2026-02-28'));
    for (const f of [0.5, 0.8, 1.2]) expect(isWorkingDay(new Date(rung('2026-02-12', 5, f)), CHINA_CALENDAR_2025_2026)).toBe(true);
  });

  it('places the rungs of 5 WD in a plain week', () => {
    // Monday 2026-03-02 + 5 WD: 03-03, 03-04, 03-05, 03-06, Monday 03-09.
    expect(rung('2026-03-02', 5, 0.5)).toBe(at9('2026-03-05'));
    expect(rung('2026-03-02', 5, 0.8)).toBe(at9('2026-03-06'));
    expect(rung('2026-03-02', 5, 1)).toBe(at9('2026-03-09'));
    expect(rung('2026-03-02', 5, 1.2)).toBe(at9('2026-03-11'));
  });

  it('reminds no later than the fraction: on the working day on which it is reached', () => {
    // 10 WD from Monday 2026-03-02: 5 WD elapse with Monday 03-09, 8 WD with Thursday 03-12.
    expect(rung('2026-03-02', 10, 0.5)).toBe(at9('2026-03-09'));
    expect(rung('2026-03-02', 10, 0.8)).toBe(at9('2026-03-12'));
    // 1 WD: every reminder on that one day.
    expect(rung('2026-03-02', 1, 0.5)).toBe(at9('2026-03-03'));
  });

  it('counts on the region the limit was counted on', () => {
    const regional: CalendarData = { ...CHINA_CALENDAR_2025_2026, regions: { r: { addHolidays: ['2026-03-05'], removeHolidays: [], addWorkdays: [] } } };
    const { deadline } = addTimeLimit(at10('2026-03-02'), wd(5), regional, { region: 'r' });
    expect(workingDayPoint(at10('2026-03-02'), deadline, 0.5, regional, { region: 'r' }).toISOString()).toBe(at9('2026-03-06'));
  });

  it('falls back to time fractions when the limit has no working day in it', () => {
    const start = at10('2026-03-02');
    expect(workingDayPoint(start, new Date('2026-03-02T15:59:59.999Z'), 0.5, CHINA_CALENDAR_2025_2026)).toEqual(
      fractionPoint(start, new Date('2026-03-02T15:59:59.999Z'), 0.5),
    );
  });

  it.each([-0.1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the fraction %p', (fraction) => {
    expect(() => workingDayPoint(at10('2026-03-02'), at10('2026-03-09'), fraction, CHINA_CALENDAR_2025_2026)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'fraction' })] }),
    );
  });
});
