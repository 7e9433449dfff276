import { createHash } from 'node:crypto';
import type { SecurityEvent, SecurityEventChainVerification, SecurityEventKind } from '@dandang/contracts';
import type { DataSource } from 'typeorm';
import { canonicalJson, GENESIS_HASH } from '../audit-hash';

/** What a caller records; the log numbers, times and chains it. */
export interface NewSecurityEvent {
  kind: SecurityEventKind;
  occurredAt: Date;
  actorId: string | null;
  actorName: string;
  subject?: string | null;
  reason?: string | null;
  address?: string | null;
  details?: Record<string, unknown>;
}

export interface SecurityEventFilter {
  kinds?: SecurityEventKind[];
  /** A username (as recorded) or a user id. */
  actor?: string;
  from?: Date;
  to?: Date;
}

/** Each event's hash covers its content, its position and the previous event's hash, as the case audit's do. */
export function securityEventHash(prevHash: string, event: Omit<SecurityEvent, 'hash'>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(event)).digest('hex');
}

/** Serializes appends, so each event is chained to the one before it; released when the transaction ends. */
const APPEND_LOCK = `pg_advisory_xact_lock(hashtext('security_events'))`;

const COLUMNS = `seq, kind, occurred_at, actor_id, actor_name, subject, reason, address, details, prev_hash, hash`;
const VERIFY_BATCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  seq: string;
  kind: SecurityEventKind;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string;
  subject: string | null;
  reason: string | null;
  address: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

const toEvent = (r: Row): SecurityEvent => ({
  seq: Number(r.seq),
  kind: r.kind,
  occurredAt: new Date(r.occurred_at).toISOString(),
  actorId: r.actor_id,
  actorName: r.actor_name,
  subject: r.subject,
  reason: r.reason,
  address: r.address,
  details: r.details,
  hash: r.hash,
});

/** What an event's hash covers: all of it but the hashes themselves. */
function hashedContent(e: SecurityEvent): Omit<SecurityEvent, 'hash'> {
  const { seq, kind, occurredAt, actorId, actorName, subject, reason, address, details } = e;
  return { seq, kind, occurredAt, actorId, actorName, subject, reason, address, details };
}

/** The append-only, hash-chained log of security events (table security_events): one chain, numbered from 1. */
export class SecurityEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(event: NewSecurityEvent): Promise<SecurityEvent> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT ${APPEND_LOCK}`);
      const [head] = await manager.query('SELECT seq, hash FROM security_events ORDER BY seq DESC LIMIT 1');
      const prevHash: string = head?.hash ?? GENESIS_HASH;
      const content = {
        seq: head ? Number(head.seq) + 1 : 1,
        kind: event.kind,
        occurredAt: event.occurredAt.toISOString(),
        actorId: event.actorId,
        actorName: event.actorName,
        subject: event.subject ?? null,
        reason: event.reason ?? null,
        address: event.address ?? null,
        details: event.details ?? {},
      };
      const hash = securityEventHash(prevHash, content);
      await manager.query(
        `INSERT INTO security_events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [content.seq, content.kind, content.occurredAt, content.actorId, content.actorName, content.subject, content.reason,
          content.address, JSON.stringify(content.details), prevHash, hash],
      );
      return { ...content, hash };
    });
  }

  /** A page of the events `filter` selects, newest first, and how many it selects in all. */
  async list(filter: SecurityEventFilter, page: number, pageSize: number): Promise<{ items: SecurityEvent[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.kinds?.length) where.push(`kind = ANY(${param(filter.kinds)})`);
    if (filter.actor) {
      where.push(UUID.test(filter.actor) ? `actor_id = ${param(filter.actor)}` : `actor_name = ${param(filter.actor)}`);
    }
    if (filter.from) where.push(`occurred_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`occurred_at < ${param(filter.to)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM security_events ${clause} ORDER BY seq DESC LIMIT ${param(pageSize)} OFFSET ${param((page - 1) * pageSize)}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::integer AS total FROM security_events ${clause}`, params.slice(0, params.length - 2)),
    ]);
    return { items: (rows as Row[]).map(toEvent), total: count.total };
  }

  /**
   * Checks the whole chain in order: positions run from 1 without a gap, each event links to the one before and
   * matches its hash. A removed tail cannot show here; the signed checkpoints of chain heads are for that.
   */
  async verifyChain(): Promise<SecurityEventChainVerification> {
    let prevHash = GENESIS_HASH;
    let expected = 1;
    for (;;) {
      const rows: Row[] = await this.dataSource.query(
        `SELECT ${COLUMNS} FROM security_events WHERE seq >= $1 ORDER BY seq LIMIT ${VERIFY_BATCH}`,
        [expected],
      );
      for (const row of rows) {
        const e = toEvent(row);
        const problem =
          e.seq !== expected
            ? `expected event ${expected}, found ${e.seq}`
            : row.prev_hash !== prevHash
              ? 'link to the previous event does not match'
              : e.hash !== securityEventHash(prevHash, hashedContent(e))
                ? 'content does not match its hash'
                : undefined;
        if (problem) return { valid: false, events: await this.count(), brokenAt: { seq: e.seq, problem } };
        prevHash = e.hash;
        expected++;
      }
      if (rows.length < VERIFY_BATCH) return { valid: true, events: expected - 1 };
    }
  }

  private async count(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::integer AS n FROM security_events');
    return row.n;
  }
}
