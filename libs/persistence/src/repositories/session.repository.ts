import type { RecordedSession } from '@dandang/domain';
import type { DataSource } from 'typeorm';

export interface StoredSession extends RecordedSession {
  userId: string;
}

/** The sessions bearer tokens stand for (table auth_sessions), by the token's id (jti). */
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a new session of `userId`, and forgets that user's sessions that can no longer be used (ended, or idle
   * since before `staleBefore`): a forgotten session's token is refused as an unknown one would be.
   */
  async open(jti: string, userId: string, now: Date, staleBefore: Date): Promise<void> {
    await this.dataSource.query(
      `WITH forgotten AS (
         DELETE FROM auth_sessions WHERE user_id = $2 AND (ended_at IS NOT NULL OR last_seen_at < $4)
       )
       INSERT INTO auth_sessions (jti, user_id, issued_at, last_seen_at) VALUES ($1, $2, $3, $3)`,
      [jti, userId, now, staleBefore],
    );
  }

  async find(jti: string): Promise<StoredSession | undefined> {
    const [row] = await this.dataSource.query('SELECT user_id, last_seen_at, ended_at FROM auth_sessions WHERE jti = $1', [jti]);
    return row ? { userId: row.user_id, lastSeenAt: new Date(row.last_seen_at), endedAt: row.ended_at ? new Date(row.ended_at) : null } : undefined;
  }

  /** Records a use at `now` (never moving the last use back, nor reviving an ended session). */
  async touch(jti: string, now: Date): Promise<void> {
    await this.dataSource.query('UPDATE auth_sessions SET last_seen_at = $2 WHERE jti = $1 AND ended_at IS NULL AND last_seen_at < $2', [jti, now]);
  }

  /** Ends one session (sign-out); false when it had already ended or never was. */
  async end(jti: string, now: Date): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, rowCount], so the count is the second element.
    const [, ended]: [unknown[], number] = await this.dataSource.query('UPDATE auth_sessions SET ended_at = $2 WHERE jti = $1 AND ended_at IS NULL', [jti, now]);
    return ended > 0;
  }

  /** Ends every session of `userId` still open, but `except` (the caller's own, when it stays); returns how many. */
  async endAllOf(userId: string, now: Date, except?: string): Promise<number> {
    const [, ended]: [unknown[], number] = await this.dataSource.query(
      `UPDATE auth_sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL AND jti IS DISTINCT FROM $3`,
      [userId, now, except ?? null],
    );
    return ended;
  }
}
