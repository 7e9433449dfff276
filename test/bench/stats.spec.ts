import { peakRatePerSecond } from '../../bench/lib/stats';

describe('peakRatePerSecond (the timer phase\'s demand at its peak)', () => {
  it('counts the most instants within any window, per second', () => {
    // Three within 10 s of each other (1 s, 5 s, 10.999 s), then two far later.
    expect(peakRatePerSecond([60_000, 1_000, 10_999, 5_000, 61_000], 10_000)).toBe(0.3);
  });

  it('does not count an instant exactly one window after the first as within it', () => {
    expect(peakRatePerSecond([0, 10_000], 10_000)).toBe(0.1);
    expect(peakRatePerSecond([0, 9_999], 10_000)).toBe(0.2);
  });

  it('is zero without instants', () => {
    expect(peakRatePerSecond([], 10_000)).toBe(0);
  });
});
