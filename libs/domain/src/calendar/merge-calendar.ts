import { civilOf, parseDay } from './calendar-day';
import type { CalendarData, CalendarYear, RegionalOverride } from './china-calendar-data';

/**
 * How a publication joins the calendar. A publication carries the years it states (`years`); the effective calendar
 * is the union by year, the publication's schedule replacing an earlier one for the same year. Regional overrides
 * follow the same rule: for each region the publication names, its days in the publication's years replace that
 * region's earlier days in those years, and the region's days in other years are kept.
 */

const yearOfDay = (day: string): number | undefined => {
  const dayNumber = parseDay(day);
  return dayNumber === undefined ? undefined : civilOf(dayNumber).year;
};

const sameDays = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().every((day, i) => day === [...b].sort()[i]);

const sameYear = (a: CalendarYear, b: CalendarYear): boolean =>
  sameDays(a.holidays, b.holidays) && sameDays(a.makeupWorkdays, b.makeupWorkdays);

/** Years the publication states that were already published with another schedule: a correction (needs a reason). */
export function correctedYears(published: CalendarData | undefined, publication: CalendarData): number[] {
  if (!published) return [];
  return Object.keys(publication.years)
    .map(Number)
    .filter((year) => published.years[year] !== undefined && !sameYear(published.years[year], publication.years[year]))
    .sort((a, b) => a - b);
}

function mergeRegion(earlier: RegionalOverride | undefined, stated: RegionalOverride, years: ReadonlySet<number>): RegionalOverride {
  const kept = (list: readonly string[] | undefined) => (list ?? []).filter((day) => !years.has(yearOfDay(day) ?? NaN));
  return {
    addHolidays: [...kept(earlier?.addHolidays), ...stated.addHolidays],
    removeHolidays: [...kept(earlier?.removeHolidays), ...stated.removeHolidays],
    addWorkdays: [...kept(earlier?.addWorkdays), ...stated.addWorkdays],
  };
}

/** The effective calendar after `publication`, under the publication's version (see above). */
export function mergeCalendarPublication(published: CalendarData | undefined, publication: CalendarData): CalendarData {
  if (!published) return publication;
  const years = new Set(Object.keys(publication.years).map(Number));
  const regions: Record<string, RegionalOverride> = { ...(published.regions ?? {}) };
  for (const [code, stated] of Object.entries(publication.regions ?? {})) regions[code] = mergeRegion(regions[code], stated, years);
  return {
    version: publication.version,
    years: { ...published.years, ...publication.years },
    ...(Object.keys(regions).length ? { regions } : {}),
  };
}

/**
 * A running case's calendar with the years it lacks taken from a newer publication (and the regions' days in those
 * years); the years it pinned stay as they were, so the days it has counted are judged as before. Returns the same
 * object when the publication adds nothing.
 */
export function withNewlyPublishedYears(pinned: CalendarData, published: CalendarData): CalendarData {
  const added = Object.keys(published.years)
    .map(Number)
    .filter((year) => pinned.years[year] === undefined);
  if (added.length === 0) return pinned;
  const years = new Set(added);
  const regions: Record<string, RegionalOverride> = { ...(pinned.regions ?? {}) };
  for (const [code, region] of Object.entries(published.regions ?? {})) {
    const inAdded = (list: readonly string[]) => list.filter((day) => years.has(yearOfDay(day) ?? NaN));
    const earlier = regions[code];
    regions[code] = {
      addHolidays: [...(earlier?.addHolidays ?? []), ...inAdded(region.addHolidays)],
      removeHolidays: [...(earlier?.removeHolidays ?? []), ...inAdded(region.removeHolidays)],
      addWorkdays: [...(earlier?.addWorkdays ?? []), ...inAdded(region.addWorkdays)],
    };
  }
  return {
    version: `${pinned.version}+${published.version}`,
    years: { ...pinned.years, ...Object.fromEntries(added.map((year) => [year, published.years[year]])) },
    ...(Object.keys(regions).length ? { regions } : {}),
  };
}
