import type { DataSource } from 'typeorm';
import { AuditCheckpointRepository, type CheckpointProblem, type CheckpointVerification } from '@dandang/persistence';
import type { KeyRing } from '@dandang/sealing';

/** The chains against the newest signed checkpoint, and whether that checkpoint is as recent as the schedule makes them. */
export interface CheckpointReport extends Omit<CheckpointVerification, 'problems'> {
  problems: (CheckpointProblem | { kind: 'NO_CHECKPOINT' | 'STALE_CHECKPOINT'; detail: string })[];
}

export interface CheckpointCheckOptions {
  /**
   * A checkpoint older than this (or none, under trail older than this) is reported: the schedule stopped, or the
   * newest checkpoints were deleted to hide what changed after them. Twice the interval and some slack.
   */
  maxAgeSeconds: number;
  now?: Date;
}

export async function verifyCheckpoint(dataSource: DataSource, keyRing: KeyRing, options: CheckpointCheckOptions): Promise<CheckpointReport> {
  const verification: CheckpointReport = await new AuditCheckpointRepository(dataSource).verify(keyRing);
  const now = options.now ?? new Date();
  const limit = new Date(now.getTime() - options.maxAgeSeconds * 1000);
  if (!verification.checkpoint) {
    const [{ oldest }] = await dataSource.query('SELECT min(occurred_at) AS oldest FROM audit_events');
    if (oldest && new Date(oldest) < limit) {
      verification.problems.push({ kind: 'NO_CHECKPOINT', detail: `no checkpoint, though the audit trail goes back to ${new Date(oldest).toISOString()}` });
    }
  } else if (new Date(verification.checkpoint.createdAt) < limit) {
    verification.problems.push({
      kind: 'STALE_CHECKPOINT',
      detail: `the newest checkpoint (${verification.checkpoint.id}) is from ${verification.checkpoint.createdAt}; the schedule writes one every ${Math.round(options.maxAgeSeconds / 2 / 60)} minutes or so`,
    });
  }
  return { ...verification, valid: verification.problems.length === 0 };
}

export function describeCheckpointProblem(p: CheckpointReport['problems'][number]): string {
  const where = 'caseId' in p && p.caseId ? ` case ${p.caseId} (${p.stream})` : 'stream' in p && p.stream ? ` ${p.stream}` : '';
  return `  ${p.kind}${where}: ${p.detail}`;
}
