import type { HousekeepingPurged, HousekeepingRepository, HousekeepingRetention } from '@dandang/persistence';

export interface HousekeepingActivityDeps {
  housekeeping: HousekeepingRepository;
  /** Counts purged rows (the worker's metrics); optional so tests need none. */
  onPurged?: (purged: HousekeepingPurged) => void;
}

export interface PurgeExpiredRowsInput {
  /** The moment the run counts from (the schedule's time), ISO. */
  now: string;
  retention: HousekeepingRetention;
  /** The most rows of each kind one call deletes. */
  limit: number;
}

export type PurgeExpiredRowsResult = HousekeepingPurged & { more: boolean };

/** Deletes expired idempotency keys, login-failure rows, old sessions and old read notifications. Idempotent. */
export function createHousekeepingActivities(deps: HousekeepingActivityDeps) {
  return {
    async purgeExpiredRows(input: PurgeExpiredRowsInput): Promise<PurgeExpiredRowsResult> {
      const result = await deps.housekeeping.purge(new Date(input.now), input.retention, input.limit);
      deps.onPurged?.(result);
      return result;
    },
  };
}

export type HousekeepingActivities = ReturnType<typeof createHousekeepingActivities>;
