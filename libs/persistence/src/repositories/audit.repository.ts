import type { CaseEvent } from '@dandang/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { auditEventHash, GENESIS_HASH, type HashedAuditContent } from '../audit-hash';
import { AuditEventEntity } from '../entities';

export interface ChainVerification {
  caseId: string;
  valid: boolean;
  events: number;
  /** The first version whose stored hash or link does not match, with why. */
  brokenAt?: { version: number; problem: string };
}

function hashedContent(e: CaseEvent | AuditEventEntity): HashedAuditContent {
  const occurredAt = e.occurredAt instanceof Date ? e.occurredAt.toISOString() : new Date(e.occurredAt).toISOString();
  return {
    caseId: e.caseId,
    version: e.version,
    action: e.action,
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    occurredAt,
    reason: e.reason ?? null,
    fromStage: e.fromStage ?? null,
    toStage: e.toStage,
    payload: e.payload,
  };
}

/** The append-only, hash-chained audit trail of each case. */
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends the event within `manager`'s transaction; a repeat of the same version is a no-op (activity retries).
   * Throws when the previous version is not recorded yet, so events are chained in order.
   */
  async append(manager: EntityManager, event: CaseEvent): Promise<void> {
    let prevHash = GENESIS_HASH;
    if (event.version > 1) {
      const prev = await manager.query('SELECT hash FROM audit_events WHERE case_id = $1 AND version = $2', [
        event.caseId,
        event.version - 1,
      ]);
      if (prev.length === 0) throw new Error(`audit event ${event.version - 1} of case ${event.caseId} is not recorded yet`);
      prevHash = prev[0].hash;
    }
    const content = hashedContent(event);
    await manager.query(
      `INSERT INTO audit_events (case_id, version, action, actor_id, actor_name, actor_role, occurred_at, reason,
         from_stage, to_stage, payload, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (case_id, version) DO NOTHING`,
      [
        content.caseId, content.version, content.action, content.actorId, content.actorName, content.actorRole,
        content.occurredAt, content.reason, content.fromStage, content.toStage, JSON.stringify(content.payload),
        prevHash, auditEventHash(prevHash, content),
      ],
    );
  }

  listForCase(caseId: string): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({ where: { caseId }, order: { version: 'ASC' } });
  }

  async verifyChain(caseId: string): Promise<ChainVerification> {
    const events = await this.listForCase(caseId);
    let prevHash = GENESIS_HASH;
    for (const [i, e] of events.entries()) {
      const problem =
        e.version !== i + 1
          ? `expected version ${i + 1}, found ${e.version}`
          : e.prevHash !== prevHash
            ? 'link to the previous event does not match'
            : e.hash !== auditEventHash(prevHash, hashedContent(e))
              ? 'content does not match its hash'
              : undefined;
      if (problem) return { caseId, valid: false, events: events.length, brokenAt: { version: e.version, problem } };
      prevHash = e.hash;
    }
    return { caseId, valid: true, events: events.length };
  }
}
