import { CHINA_CALENDAR_2025_2026, type CalendarData } from './china-calendar-data';
import { correctedYears, mergeCalendarPublication, withNewlyPublishedYears } from './merge-calendar';
import { addTimeLimit } from './time-limit';

const ONLY_2025: CalendarData = {
  version: 'CN-2025',
  years: { 2025: CHINA_CALENDAR_2025_2026.years[2025] },
  regions: { tibet: { addHolidays: ['2025-03-01'], removeHolidays: [], addWorkdays: [] } },
};
const ONLY_2026: CalendarData = { version: 'CN-2026', years: { 2026: CHINA_CALENDAR_2025_2026.years[2026] } };
const at10 = (day: string): Date => new Date(`${day}T10:00:00+08:00`);

describe('mergeCalendarPublication', () => {
  it('adds a newly published year to the years already published, under the new version', () => {
    const merged = mergeCalendarPublication(ONLY_2025, ONLY_2026);
    expect(merged.version).toBe('CN-2026');
    expect(Object.keys(merged.years)).toEqual(['2025', '2026']);
    expect(merged.regions).toEqual(ONLY_2025.regions);
  });

  it("replaces a year's schedule the publication states again", () => {
    const corrected = { version: 'CN-2025.2', years: { 2025: { holidays: ['2025-01-01'], makeupWorkdays: [] } } };
    expect(mergeCalendarPublication(ONLY_2025, corrected).years[2025]).toEqual(corrected.years[2025]);
  });

  it("replaces a region's days only in the years the publication states", () => {
    const publication: CalendarData = { ...ONLY_2026, regions: { tibet: { addHolidays: ['2026-03-02'], removeHolidays: [], addWorkdays: [] } } };
    expect(mergeCalendarPublication(ONLY_2025, publication).regions?.['tibet'].addHolidays).toEqual(['2025-03-01', '2026-03-02']);
  });

  it('is the publication itself when nothing was published before', () => {
    expect(mergeCalendarPublication(undefined, ONLY_2026)).toBe(ONLY_2026);
  });
});

describe('correctedYears', () => {
  it('names a published year stated with another schedule, not one stated the same or a new one', () => {
    const restated = { version: 'v', years: { 2025: { ...ONLY_2025.years[2025], holidays: [...ONLY_2025.years[2025].holidays].reverse() } } };
    expect(correctedYears(ONLY_2025, restated)).toEqual([]);
    expect(correctedYears(ONLY_2025, ONLY_2026)).toEqual([]);
    expect(correctedYears(ONLY_2025, { version: 'v', years: { 2025: { holidays: [], makeupWorkdays: [] } } })).toEqual([2025]);
  });
});

describe('withNewlyPublishedYears', () => {
  it('counts the holidays of a year published after the case pinned its calendar', () => {
    // 5 working days from Friday 2025-12-26: weekends only in 2026 would end on 2026-01-02 (New Year holiday).
    const before = addTimeLimit(at10('2025-12-26'), { amount: 5, unit: 'WORKING_DAY' }, ONLY_2025);
    expect(before).toMatchObject({ lastDay: '2026-01-02', unpublishedYears: [2026] });
    const taken = withNewlyPublishedYears(ONLY_2025, mergeCalendarPublication(ONLY_2025, ONLY_2026));
    // 2026-01-01 to 03 are off; Sunday 2026-01-04 is a make-up workday (4th), Monday the 5th.
    expect(addTimeLimit(at10('2025-12-26'), { amount: 5, unit: 'WORKING_DAY' }, taken)).toMatchObject({ lastDay: '2026-01-05', unpublishedYears: [] });
  });

  it('keeps the years the case pinned, even when a later version corrects them', () => {
    const corrected = { version: 'CN-2025.2', years: { 2025: { holidays: [], makeupWorkdays: [] }, ...ONLY_2026.years } };
    expect(withNewlyPublishedYears(ONLY_2025, corrected).years[2025]).toBe(ONLY_2025.years[2025]);
  });

  it('is the pinned calendar itself when the publication adds no year', () => {
    expect(withNewlyPublishedYears(ONLY_2025, ONLY_2025)).toBe(ONLY_2025);
  });
});
