import type { HousekeepingPurged, HousekeepingRepository, HousekeepingRetention } from '@dandang/persistence';
import { deliverEffectNotices, type EffectWebhookDeps } from './effect-notice-activities';

export interface HousekeepingActivityDeps extends EffectWebhookDeps {
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

/** Deletes expired idempotency keys, login-failure rows, old sessions and old read notifications, and sends the register of effects' owed notices. Idempotent. */
export function createHousekeepingActivities(deps: HousekeepingActivityDeps) {
  return {
    async purgeExpiredRows(input: PurgeExpiredRowsInput): Promise<PurgeExpiredRowsResult> {
      const result = await deps.housekeeping.purge(new Date(input.now), input.retention, input.limit);
      deps.onPurged?.(result);
      // The register of effects' owed notices: the ends of impact periods that came due since (可正常使用), and
      // what a receiver that was down missed. A refusal fails the activity, which Temporal retries.
      if (deps.effects && deps.effectsWebhook) {
        const sent = await deliverEffectNotices({ effects: deps.effects, webhook: deps.effectsWebhook, fetch: deps.fetch }, new Date(input.now), { limit: input.limit });
        if (sent === input.limit) return { ...result, more: true };
      }
      return result;
    },
  };
}

export type HousekeepingActivities = ReturnType<typeof createHousekeepingActivities>;
