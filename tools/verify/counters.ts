import type { DataSource } from 'typeorm';
import { ConsistencyRepository, type CounterDifference } from '@dandang/persistence';

/** The dashboard counters against a recomputation; with repair, rebuilt and compared again. */
export interface CounterReport {
  consistent: boolean;
  /** What differs (after the rebuild, when repairing). */
  differences: CounterDifference[];
  repaired?: boolean;
  /** What differed before the rebuild. */
  repairedDifferences?: CounterDifference[];
}

/**
 * Compares every dashboard counter with a recomputation in one statement (one snapshot: a projection in flight
 * shows in both or in neither, so nothing needs to settle). Run it after the cases are repaired: re-projected rows
 * move the counters with them.
 */
export async function verifyCounters(dataSource: DataSource, options: { repair?: boolean } = {}): Promise<CounterReport> {
  const store = new ConsistencyRepository(dataSource);
  const found = await store.counterDifferences();
  if (found.length === 0 || !options.repair) return { consistent: found.length === 0, differences: found };
  await store.rebuildCounters();
  const remaining = await store.counterDifferences();
  return { consistent: remaining.length === 0, differences: remaining, repaired: true, repairedDifferences: found };
}
