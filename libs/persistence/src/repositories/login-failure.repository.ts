import type { DataSource } from 'typeorm';

/** How many failed logins in a row lock a username, and for how long (the run counts within that time too). */
export interface LoginLockPolicy {
  maxFailures: number;
  lockSeconds: number;
}

/** Failed logins by username, and the locks they bring (table login_failures). */
export class LoginFailureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** When the username's lock ends, if it is locked at `now`. */
  async lockedUntil(username: string, now: Date): Promise<Date | undefined> {
    const [row] = await this.dataSource.query(`SELECT locked_until FROM login_failures WHERE username = $1 AND locked_until > $2`, [username, now]);
    return row ? new Date(row.locked_until) : undefined;
  }

  /**
   * Counts an attempt at `now` before its password is checked, and returns the lock that refuses it, if any: the
   * username is locked, or attempts already under way would make this one go past the limit (which locks it). So
   * attempts sent at once get at most `maxFailures` password checks. A run restarts after `lockSeconds` without an
   * attempt, and after a lock has ended. One statement, so concurrent attempts all count.
   */
  async beginAttempt(username: string, now: Date, policy: LoginLockPolicy): Promise<Date | undefined> {
    const locked = `f.locked_until > $2`;
    const counted = `CASE WHEN f.last_failed_at <= $2::timestamptz - $4 * interval '1 second' OR f.locked_until <= $2 THEN 1 ELSE f.failures + 1 END`;
    const [row] = await this.dataSource.query(
      `INSERT INTO login_failures AS f (username, failures, last_failed_at, locked_until)
       VALUES ($1, 1, $2, CASE WHEN 1 > $3 THEN $2::timestamptz + $4 * interval '1 second' END)
       ON CONFLICT (username) DO UPDATE SET
         failures = CASE WHEN ${locked} THEN f.failures ELSE ${counted} END,
         last_failed_at = CASE WHEN ${locked} THEN f.last_failed_at ELSE $2 END,
         locked_until = CASE WHEN ${locked} THEN f.locked_until WHEN ${counted} > $3 THEN $2::timestamptz + $4 * interval '1 second' END
       RETURNING locked_until`,
      [username, now, policy.maxFailures, policy.lockSeconds],
    );
    return row?.locked_until && new Date(row.locked_until) > now ? new Date(row.locked_until) : undefined;
  }

  /**
   * The attempt begun at `now` failed: it was counted when it began, so this only returns the lock the run has now
   * reached, if it has, for `lockSeconds` from now.
   */
  async recordFailure(username: string, now: Date, policy: LoginLockPolicy): Promise<Date | undefined> {
    const [row] = await this.dataSource.query(
      `INSERT INTO login_failures AS f (username, failures, last_failed_at, locked_until)
       VALUES ($1, 1, $2, CASE WHEN 1 >= $3 THEN $2::timestamptz + $4 * interval '1 second' END)
       ON CONFLICT (username) DO UPDATE SET
         locked_until = CASE WHEN f.failures >= $3 THEN GREATEST(f.locked_until, $2::timestamptz + $4 * interval '1 second') ELSE f.locked_until END
       RETURNING locked_until`,
      [username, now, policy.maxFailures, policy.lockSeconds],
    );
    return row?.locked_until ? new Date(row.locked_until) : undefined;
  }

  /** A successful login ends the run of failures. */
  async clear(username: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE username = $1', [username]);
  }
}
