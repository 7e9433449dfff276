/**
 * The working-day calendar: pure and deterministic (no clock, no I/O, no Intl), so workflow code may import it.
 * Days are China calendar days (`YYYY-MM-DD`); instants are read in China Standard Time unless told otherwise.
 */
export { CHINA_STANDARD_TIME_OFFSET_MINUTES, calendarDayOf, endOfCalendarDay, type DayInput } from './calendar-day';
export { CHINA_CALENDAR_2025_2026, type CalendarData, type CalendarYear, type RegionalOverride } from './china-calendar-data';
export { isWorkingDay, workingDaysBetween } from './working-days';
export { addTimeLimit, fractionPoint, MAX_TIME_LIMIT_AMOUNT, START_OF_BUSINESS_MINUTES, workingDayPoint, type TimeLimitOptions, type TimeLimitResult } from './time-limit';
export { validateCalendarData } from './validate-calendar';
export { correctedYears, mergeCalendarPublication, withNewlyPublishedYears } from './merge-calendar';
