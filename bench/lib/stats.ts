/** Percentiles and summaries of latency samples (milliseconds). */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (v: number, digits = 1) => (Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : v);

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    mean: round(mean),
  };
}

/** The most instants (ms) falling within any window of `windowMs`, per second. */
export function peakRatePerSecond(instants: number[], windowMs: number): number {
  const sorted = [...instants].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return Math.round((most / (windowMs / 1000)) * 10) / 10;
}

/**
 * How late each arrival (ms), in order of arrival, would start in a queue that starts at most `perSecond` of them per second, first come
 * first served and never idle while one waits: a lower bound on lateness for a system whose ceiling is `perSecond`.
 */
export function queueLateness(arrivals: number[], perSecond: number): number[] {
  const gap = 1000 / perSecond;
  let free = -Infinity;
  return [...arrivals]
    .sort((a, b) => a - b)
    .map((at) => {
      const start = Math.max(at, free);
      free = start + gap;
      return start - at;
    });
}

export { round };
