import { peakRatePerSecond, queueLateness } from '../../bench/lib/stats';

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

describe('queueLateness (what a ceiling of so many starts per second forces)', () => {
  it('starts arrivals when they come while the queue keeps up', () => {
    expect(queueLateness([0, 1_000, 2_000], 2)).toEqual([0, 0, 0]);
  });

  it('makes a burst wait its turn, one start per 1/perSecond, in order of arrival', () => {
    // Four at once at 2 per second: started at 0, 500, 1000 and 1500 ms.
    expect(queueLateness([100, 100, 100, 100], 2)).toEqual([0, 500, 1000, 1500]);
    // A late arrival after the queue has drained starts at once.
    expect(queueLateness([5_000, 0, 0], 1)).toEqual([0, 1000, 0]);
  });
});
