import type { FieldProblem } from '../errors';
import type { CalendarData } from '../calendar/china-calendar-data';
import { validateCalendarData } from '../calendar/validate-calendar';
import { isPlainObject } from '../case/payload-validation';

const isDayList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 400 && v.every((d) => typeof d === 'string');

function checkLists(value: unknown, field: string, keys: string[], problems: FieldProblem[]): void {
  if (!isPlainObject(value)) {
    problems.push({ field, message: `must be an object {${keys.join(', ')}}` });
    return;
  }
  for (const key of Object.keys(value)) if (!keys.includes(key)) problems.push({ field: `${field}.${key}`, message: 'is not a calendar field' });
  for (const key of keys) if (!isDayList(value[key])) problems.push({ field: `${field}.${key}`, message: 'must be a list of YYYY-MM-DD days' });
}

/** Problems with a calendar an administrator wants to publish: its shape first, then its days. */
export function calendarProblems(body: unknown): FieldProblem[] {
  if (!isPlainObject(body)) return [{ field: 'body', message: 'must be a JSON object' }];
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(body)) if (!['version', 'years', 'regions'].includes(key)) problems.push({ field: key, message: 'is not a calendar field' });
  if (typeof body['version'] !== 'string' || !/^[\w.-]{1,40}$/.test(body['version'])) {
    problems.push({ field: 'version', message: 'must be 1–40 letters, digits, dots, dashes or underscores' });
  }
  if (!isPlainObject(body['years']) || Object.keys(body['years']).length === 0) {
    problems.push({ field: 'years', message: 'must map at least one year to {holidays, makeupWorkdays}' });
  } else {
    for (const [year, schedule] of Object.entries(body['years'])) checkLists(schedule, `years.${year}`, ['holidays', 'makeupWorkdays'], problems);
  }
  if (body['regions'] !== undefined) {
    if (!isPlainObject(body['regions'])) problems.push({ field: 'regions', message: 'must map region codes to overrides' });
    else {
      for (const [code, region] of Object.entries(body['regions'])) {
        checkLists(region, `regions.${code}`, ['addHolidays', 'removeHolidays', 'addWorkdays'], problems);
      }
    }
  }
  return problems.length ? problems : validateCalendarData(body as unknown as CalendarData);
}
