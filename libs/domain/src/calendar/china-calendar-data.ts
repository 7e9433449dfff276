/*
 * Data source: our own table, typed in from the State Council General Office notices (docs/domain.md §f), not the
 * npm package `chinese-days`. We checked chinese-days 1.5.7 (MIT, no dependencies, data 2004–2026, 2026 included):
 * its 2025 and 2026 holidays and make-up workdays agree with ours day by day (0 differences over all 730 days;
 * 248 working days in each year). We still do not use it, because (1) it has no regional overrides, which
 * ethnic-minority holidays need; (2) its data has no version: one table baked into each npm release, so a case
 * cannot pin the calendar its deadlines were computed with, an upgrade would silently move deadlines on workflow
 * replay, and an admin cannot publish a new year without a redeploy; (3) it reads Dates in the host time zone
 * (getDay/getDate), so answers change with the server's TZ (under TZ=America/New_York its isWorkday('YYYY-MM-DD')
 * is wrong on 181 of the 730 days), and findWorkday defaults to `new Date()`, which workflow code must not call.
 * It remains a useful cross-check when a new year's schedule is typed in.
 */
import { daysInMonth } from './calendar-day';

/** One year's State Council schedule (放假安排). */
export interface CalendarYear {
  /** `YYYY-MM-DD` days off: every day of each holiday period as announced, weekend days included. */
  readonly holidays: readonly string[];
  /** `YYYY-MM-DD` weekend days that are working days (调休上班). */
  readonly makeupWorkdays: readonly string[];
}

/** A region's changes on top of the national schedule (e.g. ethnic-minority holidays set locally). */
export interface RegionalOverride {
  /** Days off in this region only. */
  readonly addHolidays: readonly string[];
  /** National holidays that this region works; a weekend day stays a rest day. */
  readonly removeHolidays: readonly string[];
  /** Days worked in this region only (a regional make-up day). */
  readonly addWorkdays: readonly string[];
}

/**
 * Working-day calendar data. Versioned so that a case can keep the version its deadlines were computed with.
 * Treat a value as immutable once published: lookups are indexed once per object.
 */
export interface CalendarData {
  readonly version: string;
  /** Published schedules by year. A year missing here is counted on weekends alone and reported as unpublished. */
  readonly years: Readonly<Record<number, CalendarYear>>;
  /** Overrides by region code. A region not listed has none. */
  readonly regions?: Readonly<Record<string, RegionalOverride>>;
}

/** Every day from `first` to `last` (inclusive), same month or across one month end, as `YYYY-MM-DD`. */
function range(first: string, last: string): string[] {
  const days: string[] = [];
  const [year, firstMonth, firstDay] = first.split('-').map(Number);
  const [, lastMonth, lastDay] = last.split('-').map(Number);
  for (let month = firstMonth; month <= lastMonth; month++) {
    const from = month === firstMonth ? firstDay : 1;
    const to = month === lastMonth ? lastDay : daysInMonth(year, month);
    for (let day = from; day <= to; day++) {
      days.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    }
  }
  return days;
}

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

/** The 2025 and 2026 national schedules (国办发明电〔2024〕12号 of 2024-11-12; notice of 2025-11-04). */
export const CHINA_CALENDAR_2025_2026: CalendarData = deepFreeze({
  version: 'CN-2025-2026.1',
  years: {
    2025: {
      holidays: [
        '2025-01-01', // New Year, no adjustment
        ...range('2025-01-28', '2025-02-04'), // Spring Festival, 8 days
        ...range('2025-04-04', '2025-04-06'), // Qingming
        ...range('2025-05-01', '2025-05-05'), // Labour Day
        ...range('2025-05-31', '2025-06-02'), // Dragon Boat
        ...range('2025-10-01', '2025-10-08'), // National Day + Mid-Autumn, 8 days
      ],
      makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    2026: {
      holidays: [
        ...range('2026-01-01', '2026-01-03'), // New Year
        ...range('2026-02-15', '2026-02-23'), // Spring Festival, 9 days
        ...range('2026-04-04', '2026-04-06'), // Qingming
        ...range('2026-05-01', '2026-05-05'), // Labour Day
        ...range('2026-06-19', '2026-06-21'), // Dragon Boat
        ...range('2026-09-25', '2026-09-27'), // Mid-Autumn
        ...range('2026-10-01', '2026-10-07'), // National Day, 7 days
      ],
      makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
  },
});
