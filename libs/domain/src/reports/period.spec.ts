import { DomainError } from '../errors';
import { daysPeriod, quarterOf, quarterPeriod, reportPeriod } from './period';

describe('report periods, in China Standard Time', () => {
  it('starts a quarter at midnight in Beijing, which is 16:00 UTC the day before', () => {
    expect(quarterPeriod(2026, 2)).toEqual({
      from: '2026-03-31T16:00:00.000Z',
      to: '2026-06-30T16:00:00.000Z',
      label: { zh: '2026年第二季度', en: 'Q2 2026' },
    });
  });

  it('ends the fourth quarter at the new year', () => {
    expect(quarterPeriod(2025, 4)).toMatchObject({ from: '2025-09-30T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z' });
  });

  it('places an instant in the quarter of its Beijing date, not its UTC date', () => {
    expect(quarterOf(new Date('2026-03-31T15:59:59.999Z'))).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(new Date('2026-03-31T16:00:00.000Z'))).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf(new Date('2025-12-31T16:30:00.000Z'))).toEqual({ year: 2026, quarter: 1 });
  });

  it('includes both days of a range of days', () => {
    expect(daysPeriod('2026-04-01', '2026-04-01')).toMatchObject({ from: '2026-03-31T16:00:00.000Z', to: '2026-04-01T16:00:00.000Z' });
  });

  it.each([
    ['a day that does not exist', '2026-02-30', '2026-03-01'],
    ['a range that ends before it starts', '2026-04-02', '2026-04-01'],
    ['a day not written YYYY-MM-DD', '2026/04/01', '2026-04-02'],
    ['a range of more than ten years', '2010-01-01', '2026-01-01'],
  ])('refuses %s', (_, from, to) => {
    expect(() => daysPeriod(from, to)).toThrow(DomainError);
  });

  it('refuses a quarter outside 1 to 4 and half of either form of period', () => {
    expect(() => quarterPeriod(2026, 5)).toThrow(DomainError);
    expect(() => reportPeriod({ year: 2026 }, new Date())).toThrow(DomainError);
    expect(() => reportPeriod({ from: '2026-01-01' }, new Date())).toThrow(DomainError);
    expect(() => reportPeriod({ year: 2026, quarter: 1, from: '2026-01-01', to: '2026-01-31' }, new Date())).toThrow(DomainError);
  });

  it('reports on the current quarter when asked for no period', () => {
    expect(reportPeriod({}, new Date('2026-08-15T00:00:00Z')).label.en).toBe('Q3 2026');
  });
});
