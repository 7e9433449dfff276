import { invalidInput } from '../errors';

/**
 * Day arithmetic on "China calendar days". A day is a whole number of days since 1970-01-01 (a day number);
 * the conversions below are plain integer arithmetic (H. Hinnant's civil-date algorithms), with no Date
 * time-zone methods, no Intl and no clock, so workflow code gets the same answer on every replay and host.
 */

/** China Standard Time, UTC+8, has no daylight saving time. */
export const CHINA_STANDARD_TIME_OFFSET_MINUTES = 480;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day as `YYYY-MM-DD`, or an instant read on the clock of the given offset (China Standard Time by default). */
export type DayInput = string | Date;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number. */
export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7;

export const isWeekend = (dayNumber: number): boolean => {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
};

/** The day number of a `YYYY-MM-DD` string, or undefined when it is not a real date. */
export function parseDay(text: string): number | undefined {
  const match = DAY_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberOf(year, month, day);
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** `YYYY-MM-DD` of a day number. */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function assertOffset(offsetMinutes: number): void {
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) >= 24 * 60) {
    throw invalidInput([{ field: 'timeZoneOffsetMinutes', message: 'must be a whole number of minutes within ±24 hours' }]);
  }
}

/** The day number of a day input; `field` names it in the error when it is malformed. */
export function toDayNumber(input: DayInput, field: string, offsetMinutes = CHINA_STANDARD_TIME_OFFSET_MINUTES): number {
  if (typeof input === 'string') {
    const dayNumber = parseDay(input);
    if (dayNumber === undefined) throw invalidInput([{ field, message: `"${input}" is not a YYYY-MM-DD date` }]);
    return dayNumber;
  }
  const time = input.getTime();
  if (Number.isNaN(time)) throw invalidInput([{ field, message: 'is an invalid Date' }]);
  assertOffset(offsetMinutes);
  return Math.floor((time + offsetMinutes * MS_PER_MINUTE) / MS_PER_DAY);
}

/**
 * The calendar day (`YYYY-MM-DD`) an instant falls on at the given UTC offset, China Standard Time by default:
 * 2025-10-08T15:30:00Z is 23:30 on 2025-10-08 in China.
 */
export const calendarDayOf = (instant: Date, offsetMinutes = CHINA_STANDARD_TIME_OFFSET_MINUTES): string =>
  formatDay(toDayNumber(instant, 'instant', offsetMinutes));

/** The first millisecond (00:00) of a calendar day at the given UTC offset, as a Date. */
export function startOfCalendarDay(day: DayInput, offsetMinutes = CHINA_STANDARD_TIME_OFFSET_MINUTES): Date {
  const dayNumber = toDayNumber(day, 'day', offsetMinutes);
  assertOffset(offsetMinutes);
  return new Date(dayNumber * MS_PER_DAY - offsetMinutes * MS_PER_MINUTE);
}

/** The last millisecond (23:59:59.999) of a calendar day at the given UTC offset, as a Date. */
export function endOfCalendarDay(day: DayInput, offsetMinutes = CHINA_STANDARD_TIME_OFFSET_MINUTES): Date {
  const dayNumber = toDayNumber(day, 'day', offsetMinutes);
  assertOffset(offsetMinutes);
  return new Date((dayNumber + 1) * MS_PER_DAY - offsetMinutes * MS_PER_MINUTE - 1);
}

/** The corresponding day `months` months later, or the last day of that month when it has none (民法典 art. 202). */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = civilOf(dayNumber);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return dayNumberOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}
