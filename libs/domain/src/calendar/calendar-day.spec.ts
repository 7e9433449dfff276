import { DomainErrorCode } from '../errors';
import {
  addMonths,
  calendarDayOf,
  civilOf,
  dayNumberOf,
  endOfCalendarDay,
  formatDay,
  parseDay,
  weekdayOf,
} from './calendar-day';

const day = (text: string): number => {
  const parsed = parseDay(text);
  if (parsed === undefined) throw new Error(`bad fixture ${text}`);
  return parsed;
};

describe('day numbers', () => {
  it('agree with Date.UTC on every day from 1899 to 2101', () => {
    const mismatches: string[] = [];
    for (let time = Date.UTC(1899, 11, 1); time <= Date.UTC(2101, 2, 1); time += 86_400_000) {
      const date = new Date(time);
      const expected = date.toISOString().slice(0, 10);
      const number = dayNumberOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      if (number !== time / 86_400_000 || formatDay(number) !== expected || weekdayOf(number) !== date.getUTCDay()) {
        mismatches.push(expected);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['1970-01-01', 0, 4],
    ['1969-12-28', -4, 0],
    ['2025-01-01', 20_089, 3],
    ['2026-02-14', 20_498, 6],
  ])('numbers %s as %i, weekday %i', (text, number, weekday) => {
    expect(day(text)).toBe(number);
    expect(weekdayOf(number)).toBe(weekday);
    expect(civilOf(number)).toEqual({
      year: Number(text.slice(0, 4)),
      month: Number(text.slice(5, 7)),
      day: Number(text.slice(8, 10)),
    });
  });

  it.each(['2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-1', '20250101', ''])(
    'rejects %p as a day',
    (text) => {
      expect(parseDay(text)).toBeUndefined();
    },
  );

  it.each(['2024-02-29', '2000-02-29', '2025-12-31'])('accepts %p as a day', (text) => {
    expect(formatDay(day(text))).toBe(text);
  });
});

describe('calendarDayOf', () => {
  it.each([
    ['2025-10-08T15:30:00.000Z', 480, '2025-10-08'], // 23:30 in China
    ['2025-10-08T15:59:59.999Z', 480, '2025-10-08'],
    ['2025-10-08T16:00:00.000Z', 480, '2025-10-09'], // midnight in China, still Oct 8 in UTC
    ['2025-10-08T23:30:00.000Z', 0, '2025-10-08'],
    ['2025-10-09T03:00:00.000Z', -300, '2025-10-08'], // 22:00 at UTC-5
  ])('reads %s at offset %i as %s', (instant, offset, expected) => {
    expect(calendarDayOf(new Date(instant), offset)).toBe(expected);
  });

  it('reads China Standard Time by default', () => {
    expect(calendarDayOf(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
  });

  it.each([
    [new Date(Number.NaN), 480, 'instant'],
    [new Date('2025-01-01T00:00:00Z'), 1440, 'timeZoneOffsetMinutes'],
    [new Date('2025-01-01T00:00:00Z'), 90.5, 'timeZoneOffsetMinutes'],
  ])('refuses %s at offset %p, naming %s', (instant, offset, field) => {
    expect(() => calendarDayOf(instant, offset)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.INVALID_INPUT, fields: [expect.objectContaining({ field })] }),
    );
  });
});

describe('endOfCalendarDay', () => {
  it.each([
    ['2025-10-08', 480, '2025-10-08T15:59:59.999Z'],
    ['2025-10-08', 0, '2025-10-08T23:59:59.999Z'],
    ['2025-10-08', -300, '2025-10-09T04:59:59.999Z'],
  ])('ends %s at offset %i at %s', (text, offset, expected) => {
    expect(endOfCalendarDay(text, offset).toISOString()).toBe(expected);
  });

  it('ends the China day an instant falls on', () => {
    expect(endOfCalendarDay(new Date('2025-10-08T16:30:00Z')).toISOString()).toBe('2025-10-09T15:59:59.999Z');
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-01-15', 1, '2025-02-15'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2000-01-31', 1, '2000-02-29'],
    ['1900-01-31', 1, '1900-02-28'],
    ['2025-05-31', 1, '2025-06-30'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2025-01-31', 13, '2026-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-03-15', -1, '2025-02-15'],
    ['2025-03-31', 0, '2025-03-31'],
  ])('%s + %i months is %s', (start, months, expected) => {
    expect(formatDay(addMonths(day(start), months))).toBe(expected);
  });
});
