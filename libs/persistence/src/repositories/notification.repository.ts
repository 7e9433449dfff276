import type { NotificationItem } from '@dandang/contracts';
import type { DataSource } from 'typeorm';

export interface NotificationDraft {
  caseId: string | null;
  kind: string;
  title: string;
  body: string;
  /** Unique per user: the same event never notifies a user twice. */
  dedupeKey: string;
}

/** A notification as stored: what the API answers (`NotificationItem`), with PostgreSQL's timestamps. */
export type NotificationRow = Omit<NotificationItem, 'createdAt' | 'readAt'> & { createdAt: Date; readAt: Date | null };

const COLUMNS = `id::text AS id, user_id AS "userId", case_id AS "caseId", kind, title, body, created_at AS "createdAt", read_at AS "readAt"`;

/** The notification outbox: what reminders and escalations told whom. */
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts one notification per user (idempotent by dedupe key) and returns the ids, new or existing. */
  async notify(userIds: string[], draft: NotificationDraft): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.dataSource.query(
      `INSERT INTO notifications (user_id, case_id, kind, title, body, dedupe_key)
       SELECT u, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS u
       ON CONFLICT (user_id, dedupe_key) DO UPDATE SET dedupe_key = EXCLUDED.dedupe_key
       RETURNING id::text AS id`,
      [userIds, draft.caseId, draft.kind, draft.title, draft.body, draft.dedupeKey],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  /** Active supervisors of the org unit itself. */
  async supervisorsOf(orgUnitId: string): Promise<string[]> {
    const rows = await this.dataSource.query(
      `SELECT id FROM users WHERE org_unit_id = $1 AND active AND 'SUPERVISOR' = ANY(roles) ORDER BY username`,
      [orgUnitId],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  /** Supervisors of the nearest unit above `orgUnitId` that has any; the unit's own when it is the root. */
  async higherSupervisorsOf(orgUnitId: string): Promise<string[]> {
    const rows = await this.dataSource.query(
      `WITH RECURSIVE up AS (
         SELECT parent_id AS id, 1 AS depth FROM org_units WHERE id = $1
         UNION ALL
         SELECT o.parent_id, up.depth + 1 FROM org_units o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL
       )
       SELECT u.id, up.depth FROM up JOIN users u ON u.org_unit_id = up.id
       WHERE u.active AND 'SUPERVISOR' = ANY(u.roles)
       ORDER BY up.depth, u.username`,
      [orgUnitId],
    );
    if (rows.length === 0) return this.supervisorsOf(orgUnitId);
    const nearest = rows[0].depth;
    return rows.filter((r: { depth: number }) => r.depth === nearest).map((r: { id: string }) => r.id);
  }

  listForUser(userId: string, options: { unreadOnly: boolean; limit: number }): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 ${options.unreadOnly ? 'AND read_at IS NULL' : ''}
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, options.limit],
    );
  }

  async markRead(userId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE user_id = $1 AND id = $2 RETURNING id`,
      [userId, id],
    );
    // TypeORM answers an UPDATE with [rows, rowCount].
    const rows = Array.isArray(result[0]) ? result[0] : result;
    return rows.length > 0;
  }

  /** Notifications among `ids` not yet delivered to the webhook. */
  undelivered(ids: string[]): Promise<(NotificationRow & { dedupeKey: string })[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS}, dedupe_key AS "dedupeKey" FROM notifications WHERE id = ANY($1::bigint[]) AND webhook_delivered_at IS NULL ORDER BY id`,
      [ids],
    );
  }

  async markDelivered(ids: string[]): Promise<void> {
    await this.dataSource.query(`UPDATE notifications SET webhook_delivered_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }
}
