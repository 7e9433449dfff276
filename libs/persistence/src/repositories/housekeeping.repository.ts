import type { DataSource } from 'typeorm';

/** How long each kind of operational row is kept after it stopped mattering, in days. */
export interface HousekeepingRetention {
  idempotencyKeyDays: number;
  loginFailureDays: number;
  sessionDays: number;
  readNotificationDays: number;
}

export interface HousekeepingPurged {
  idempotencyKeys: number;
  loginFailures: number;
  sessions: number;
  readNotifications: number;
}

/**
 * Deletes operational rows past their retention (none of them audit tables, which the application role may not
 * delete from). Each DELETE is bounded by `limit` rows, so a backlog is worked off over several calls.
 */
export class HousekeepingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async purge(now: Date, retention: HousekeepingRetention, limit: number): Promise<HousekeepingPurged & { more: boolean }> {
    const before = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const bounded = async (table: string, where: string, params: unknown[]): Promise<number> => {
      // PostgreSQL's DELETE has no LIMIT of its own: the rows are picked by their physical id in a bounded subquery.
      const [, count] = await this.dataSource.query(
        `DELETE FROM ${table} WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${table} WHERE ${where} LIMIT ${Number(limit)}))`,
        params,
      );
      return count;
    };
    const idempotencyKeys = await bounded('idempotency_keys', 'created_at < $1', [before(retention.idempotencyKeyDays)]);
    // A row whose lock is still running keeps refusing the username: never purged before its lock ends.
    const loginFailures = await bounded('login_failures', 'last_failed_at < $1 AND (locked_until IS NULL OR locked_until < $2)', [
      before(retention.loginFailureDays),
      now,
    ]);
    // A session ended, or idle for longer than any idle limit, can no longer be used: its row only says it existed.
    const sessions = await bounded('auth_sessions', 'COALESCE(ended_at, last_seen_at) < $1', [before(retention.sessionDays)]);
    const readNotifications = await bounded('notifications', 'read_at < $1', [before(retention.readNotificationDays)]);
    const more = [idempotencyKeys, loginFailures, sessions, readNotifications].some((n) => n >= limit);
    return { idempotencyKeys, loginFailures, sessions, readNotifications, more };
  }
}

/** Counts of operational rows for the API's metrics (gauges read at scrape time). */
export class OperationalCountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Sessions neither ended nor idle since before `activeSince`. */
  async openSessions(activeSince: Date): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM auth_sessions WHERE ended_at IS NULL AND last_seen_at >= $1', [activeSince]);
    return row.n;
  }

  /** Usernames locked now after repeated failed logins. */
  async lockedUsernames(now: Date): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM login_failures WHERE locked_until > $1', [now]);
    return row.n;
  }
}
