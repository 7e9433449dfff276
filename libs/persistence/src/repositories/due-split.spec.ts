import { splitDueRange } from './due-split';

const at = (iso: string) => new Date(iso);

describe('splitting a due-date range into whole days (counters) and parts of days (index)', () => {
  it('counts "overdue now" as every day before today plus today up to now', () => {
    expect(splitDueRange(null, at('2026-11-27T10:30:00Z'))).toEqual({
      days: { fromDay: null, toDay: '2026-11-27' },
      edges: [{ from: at('2026-11-27T00:00:00Z'), to: at('2026-11-27T10:30:00Z') }],
    });
  });

  it('reads a range within one day from the index alone', () => {
    expect(splitDueRange(at('2026-11-27T10:30:00Z'), at('2026-11-27T23:00:00Z'))).toEqual({
      days: null,
      edges: [{ from: at('2026-11-27T10:30:00Z'), to: at('2026-11-27T23:00:00Z') }],
    });
    expect(splitDueRange(at('2026-11-27T10:30:00Z'), at('2026-11-28T09:00:00Z')).days).toBeNull();
  });

  it('reads the whole days between the two ends from the counters', () => {
    expect(splitDueRange(at('2026-11-27T10:30:00Z'), at('2026-11-30T10:30:00Z'))).toEqual({
      days: { fromDay: '2026-11-28', toDay: '2026-11-30' },
      edges: [
        { from: at('2026-11-27T10:30:00Z'), to: at('2026-11-28T00:00:00Z') },
        { from: at('2026-11-30T00:00:00Z'), to: at('2026-11-30T10:30:00Z') },
      ],
    });
  });

  it('needs no index part for ends at midnight, and nothing for an empty range', () => {
    expect(splitDueRange(at('2026-11-27T00:00:00Z'), at('2026-11-29T00:00:00Z'))).toEqual({ days: { fromDay: '2026-11-27', toDay: '2026-11-29' }, edges: [] });
    expect(splitDueRange(at('2026-11-27T10:00:00Z'), at('2026-11-27T10:00:00Z'))).toEqual({ days: null, edges: [] });
  });
});
