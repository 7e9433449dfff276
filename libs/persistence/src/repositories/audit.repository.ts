import { reviewStream, type CaseEvent } from '@dandang/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { auditEventHash, GENESIS_HASH, type HashedAuditContent } from '../audit-hash';
import { AuditEventEntity } from '../entities';
import type { SqlStatement } from './case-row';

export interface ChainVerification {
  caseId: string;
  valid: boolean;
  events: number;
  /** The first version whose stored hash or link does not match, with why. */
  brokenAt?: { version: number; problem: string; stream?: string };
}

export const CASE_STREAM = 'case';

function hashedContent(e: CaseEvent | AuditEventEntity): HashedAuditContent {
  const occurredAt = e.occurredAt instanceof Date ? e.occurredAt.toISOString() : new Date(e.occurredAt).toISOString();
  const stream = e.stream ?? CASE_STREAM;
  return {
    caseId: e.caseId,
    ...(stream === CASE_STREAM ? {} : { stream }),
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
    const { sql, params } = await this.appendStatement(manager, event);
    await manager.query(sql, params);
  }

  /**
   * Appends `event` and runs the statement `then` builds (its parameters numbered from the one it is given) as one
   * statement, atomic as a transaction would be: the projections' two round trips (this and the previous hash).
   */
  async appendWith(event: CaseEvent, then: (firstParam: number) => SqlStatement): Promise<void> {
    const append = await this.appendStatement(this.dataSource.manager, event);
    const next = then(append.params.length + 1);
    await this.dataSource.query(`WITH appended AS (${append.sql}) ${next.sql}`, [...append.params, ...next.params]);
  }

  /**
   * The INSERT that appends `event` (a no-op when its version is recorded), chained to the previous version's hash,
   * which is read here: a recorded event never changes, so the read needs no transaction around the two. Throws when
   * the previous version is not recorded yet, so events are chained in order.
   */
  async appendStatement(manager: EntityManager, event: CaseEvent, firstParam = 1): Promise<SqlStatement> {
    let prevHash = GENESIS_HASH;
    const stream = event.stream ?? CASE_STREAM;
    if (event.version > 1) {
      const prev = await manager.query('SELECT hash FROM audit_events WHERE case_id = $1 AND stream = $2 AND version = $3', [
        event.caseId,
        stream,
        event.version - 1,
      ]);
      if (prev.length === 0) throw new Error(`audit event ${event.version - 1} of case ${event.caseId} (${stream}) is not recorded yet`);
      prevHash = prev[0].hash;
    }
    const content = hashedContent(event);
    const params = [
      content.caseId, content.version, content.action, content.actorId, content.actorName, content.actorRole,
      content.occurredAt, content.reason, content.fromStage, content.toStage, JSON.stringify(content.payload),
      prevHash, auditEventHash(prevHash, content), stream,
    ];
    return {
      sql: `INSERT INTO audit_events (case_id, version, action, actor_id, actor_name, actor_role, occurred_at, reason,
         from_stage, to_stage, payload, prev_hash, hash, stream)
       VALUES (${params.map((_, i) => `$${firstParam + i}`).join(', ')})
       ON CONFLICT (case_id, stream, version) DO NOTHING`,
      params,
    };
  }

  /** Every stream of the case, merged by time (each stream stays in version order). */
  listForCase(caseId: string): Promise<AuditEventEntity[]> {
    return this.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { caseId }, order: { occurredAt: 'ASC', stream: 'ASC', version: 'ASC' } });
  }

  /** Verifies the chain of every stream of the case; `events` counts them all. */
  /**
   * Checks every stream of the case (its own and each review's): each event links to the one before and matches its
   * hash, and the chain runs up to the version the case (or review) is at, so a cut tail or a deleted trail shows.
   */
  async verifyChain(caseId: string): Promise<ChainVerification> {
    const [all, heads] = await Promise.all([
      this.dataSource.getRepository(AuditEventEntity).find({ where: { caseId }, order: { stream: 'ASC', version: 'ASC' } }),
      this.recordedHeads(caseId),
    ]);
    const streams = [...new Set([...heads.keys(), ...all.map((e) => e.stream)])];
    for (const stream of streams) {
      const events = all.filter((e) => e.stream === stream);
      const broken = verifyStream(events) ?? headProblem(stream, events.length, heads.get(stream));
      if (broken) return { caseId, valid: false, events: all.length, brokenAt: stream === CASE_STREAM ? broken : { ...broken, stream } };
    }
    return { caseId, valid: true, events: all.length };
  }

  /** The version each stream must reach: the case's row, and each review's. */
  private async recordedHeads(caseId: string): Promise<Map<string, number>> {
    const rows: { seq: number | null; version: number }[] = await this.dataSource.query(
      `SELECT NULL::integer AS seq, version FROM cases WHERE id = $1
       UNION ALL SELECT seq, version FROM fault_tolerance_reviews WHERE case_id = $1`,
      [caseId],
    );
    return new Map(rows.map((r) => [r.seq === null ? CASE_STREAM : reviewStream(r.seq), r.version]));
  }
}

/**
 * A stream whose events are all sound may still stop short of its head: the tail (or all of it) was removed. A trail
 * that runs beyond its row is a stale read model, which `npm run verify` reports and repairs, not a broken trail.
 */
function headProblem(stream: string, last: number, head: number | undefined): { version: number; problem: string } | undefined {
  if (head === undefined || last >= head) return undefined;
  const what = stream === CASE_STREAM ? 'the case' : 'the review';
  return { version: last + 1, problem: `the trail ends at version ${last}, but ${what} is at version ${head}` };
}

function verifyStream(events: AuditEventEntity[]): { version: number; problem: string } | undefined {
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
    if (problem) return { version: e.version, problem };
    prevHash = e.hash;
  }
  return undefined;
}
