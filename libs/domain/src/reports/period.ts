import type { ReportPeriod } from '@dandang/contracts';
import { invalidInput } from '../errors';

/** China Standard Time has no daylight saving: a fixed eight hours ahead of UTC. */
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** The longest period a report covers: ten years of quarters is already more than anyone reports on. */
const MAX_PERIOD_DAYS = 3_700;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight in China Standard Time of a calendar day. */
const cstMidnight = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day) - CST_OFFSET_MS);

/** The calendar quarter (1–4) and year an instant falls in, in China Standard Time. */
export function quarterOf(at: Date): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const cst = new Date(at.getTime() + CST_OFFSET_MS);
  return { year: cst.getUTCFullYear(), quarter: (Math.floor(cst.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4 };
}

/**
 * A quarter (检举控告规则 art. 18: handling departments report back to the intake department each quarter), from
 * midnight CST of its first day to midnight CST of the next quarter's first day.
 */
export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalidInput([{ field: 'year', message: 'must be a year from 2000 to 2100' }]);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw invalidInput([{ field: 'quarter', message: 'must be 1, 2, 3 or 4' }]);
  const from = cstMidnight(year, (quarter - 1) * 3 + 1, 1);
  const to = quarter === 4 ? cstMidnight(year + 1, 1, 1) : cstMidnight(year, quarter * 3 + 1, 1);
  const zhQuarter = ['一', '二', '三', '四'][quarter - 1];
  return { from: from.toISOString(), to: to.toISOString(), label: { zh: `${year}年第${zhQuarter}季度`, en: `Q${quarter} ${year}` } };
}

function parseDay(value: string, field: string): Date {
  const m = ISO_DAY.exec(value);
  const at = m ? cstMidnight(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  // A day that rolls over (2026-02-30) is not the day given.
  if (!m || !at || new Date(at.getTime() + CST_OFFSET_MS).getUTCDate() !== Number(m[3])) {
    throw invalidInput([{ field, message: 'must be a day written YYYY-MM-DD' }]);
  }
  return at;
}

/** The days `from` to `to`, both included, in China Standard Time (as a report's heading names them). */
export function daysPeriod(from: string, to: string): ReportPeriod {
  const start = parseDay(from, 'from');
  const end = new Date(parseDay(to, 'to').getTime() + DAY_MS);
  if (end <= start) throw invalidInput([{ field: 'to', message: 'must not be before from' }]);
  if ((end.getTime() - start.getTime()) / DAY_MS > MAX_PERIOD_DAYS) throw invalidInput([{ field: 'to', message: `a period spans at most ${MAX_PERIOD_DAYS} days` }]);
  return { from: start.toISOString(), to: end.toISOString(), label: { zh: `${from} 至 ${to}`, en: `${from} to ${to}` } };
}

/**
 * The period a report asks for: a quarter (year and quarter), or days (from and to); nothing means the quarter
 * `now` falls in. Mixing the two is refused rather than guessed.
 */
export function reportPeriod(query: { year?: number; quarter?: number; from?: string; to?: string }, now: Date): ReportPeriod {
  const byQuarter = query.year !== undefined || query.quarter !== undefined;
  const byDays = query.from !== undefined || query.to !== undefined;
  if (byQuarter && byDays) throw invalidInput([{ field: 'from', message: 'give a quarter (year, quarter) or days (from, to), not both' }]);
  if (byDays) {
    if (query.from === undefined || query.to === undefined) throw invalidInput([{ field: query.from === undefined ? 'from' : 'to', message: 'is required with the other' }]);
    return daysPeriod(query.from, query.to);
  }
  if (byQuarter) {
    if (query.year === undefined || query.quarter === undefined) throw invalidInput([{ field: query.year === undefined ? 'year' : 'quarter', message: 'is required with the other' }]);
    return quarterPeriod(query.year, query.quarter);
  }
  const current = quarterOf(now);
  return quarterPeriod(current.year, current.quarter);
}
