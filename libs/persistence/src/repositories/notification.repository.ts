import type { NotificationItem } from '@dandang/contracts';
import type { CaseListScope } from '@dandang/domain';
import type { DataSource } from 'typeorm';
import { caseScopeSql, positional, type SqlParam } from './case-sight.sql';

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

const COLUMNS = `n.id::text AS id, n.user_id AS "userId", n.case_id AS "caseId", n.kind, n.title, n.body, n.created_at AS "createdAt", n.read_at AS "readAt"`;

/** A notification `n` its user may read: about no case, or about one the user's scope holds. */
function readable(scope: CaseListScope | undefined, param: SqlParam): string {
  if (!scope) return 'n.case_id IS NULL';
  return `(n.case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = n.case_id AND ${caseScopeSql(scope, 'c', param)}))`;
}

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

  /**
   * The user's notifications that they may still read: one about a case only while they may see the case (`scope`,
   * the domain's caseListScope; none where undefined), so one sent before they were recused is withdrawn with it.
   */
  listForUser(userId: string, scope: CaseListScope | undefined, options: { unreadOnly: boolean; limit: number }): Promise<NotificationRow[]> {
    const params: unknown[] = [userId, options.limit];
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications n WHERE n.user_id = $1 AND ${readable(scope, positional(params))}
       ${options.unreadOnly ? 'AND n.read_at IS NULL' : ''}
       ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      params,
    );
  }

  /** Marks one of the user's notifications read, if they may still read it (as listForUser). */
  async markRead(userId: string, scope: CaseListScope | undefined, id: string): Promise<boolean> {
    const params: unknown[] = [userId, id];
    const result = await this.dataSource.query(
      `UPDATE notifications n SET read_at = coalesce(n.read_at, now())
       WHERE n.user_id = $1 AND n.id = $2 AND ${readable(scope, positional(params))} RETURNING n.id`,
      params,
    );
    // TypeORM answers an UPDATE with [rows, rowCount].
    const rows = Array.isArray(result[0]) ? result[0] : result;
    return rows.length > 0;
  }

  /**
   * Notifications among `ids` not yet delivered to the webhook, leaving out one about a case its user has since been
   * recused from (the case no longer exists for them; a recusal within the moments before delivery).
   */
  undelivered(ids: string[]): Promise<(NotificationRow & { dedupeKey: string })[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS}, dedupe_key AS "dedupeKey" FROM notifications n WHERE n.id = ANY($1::bigint[]) AND n.webhook_delivered_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = n.case_id AND (c.recused_user_ids @> ARRAY[n.user_id::text] OR c.subject_user_id = n.user_id))
       ORDER BY n.id`,
      [ids],
    );
  }

  async markDelivered(ids: string[]): Promise<void> {
    await this.dataSource.query(`UPDATE notifications SET webhook_delivered_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }
}
