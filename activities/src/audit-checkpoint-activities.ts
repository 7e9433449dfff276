import { ApplicationFailure } from '@temporalio/common';
import type { AuditCheckpointResult } from '@dandang/contracts';
import { CheckpointTrustError, type AuditCheckpointRepository } from '@dandang/persistence';
import type { KeyRing } from '@dandang/sealing';

export interface AuditCheckpointActivityDeps {
  checkpoints: AuditCheckpointRepository;
  /** Signs the checkpoints with a key derived from the current master key. */
  keyRing: KeyRing;
}

export function createAuditCheckpointActivities(deps: AuditCheckpointActivityDeps) {
  return {
    /** One signed checkpoint of every audit chain's head. Each run writes a new one, so a retry only adds a checkpoint. */
    async writeAuditCheckpoint(): Promise<AuditCheckpointResult> {
      try {
        const written = await deps.checkpoints.write(deps.keyRing);
        // Someone cut or rewrote a trail since the last checkpoint: loud in the worker's log, and `npm run verify` reports it.
        if (written.anomalies.length) console.warn(`audit checkpoint ${written.id}: ${written.anomalies.join('; ')}`);
        return written;
      } catch (e) {
        // Checkpoints that do not verify stay so; retrying cannot help, an auditor must look.
        if (e instanceof CheckpointTrustError) throw ApplicationFailure.nonRetryable(e.message, 'CheckpointUntrusted');
        throw e;
      }
    },
  };
}

export type AuditCheckpointActivities = ReturnType<typeof createAuditCheckpointActivities>;
