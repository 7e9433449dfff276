import type { DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from '../entities';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; statusCode: number; resourceId: string | null }
  | { kind: 'in-progress' }
  | { kind: 'mismatch' };

/**
 * How long a claim may stay unanswered before a retry takes it over. A request whose release failed (PostgreSQL
 * went down under it) or whose process died leaves its claim behind; without this, every retry with that key would
 * be told "still running" for ever. Longer than a request waits for Temporal (15 s). Should the first request still
 * be running, the takeover does no harm: the case id and the Update id derive from the key, so Temporal applies
 * the step once and both get the same answer.
 */
export const ABANDONED_CLAIM_MS = 30_000;

/**
 * Remembers the first answer to each (user, Idempotency-Key), so a repeated POST changes nothing: its status and the
 * id of the resource it was about, never its body (which may name the reporter or the official concerned); a replay
 * is rendered again from that id.
 */
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async claim(userId: string, key: string, method: string, path: string, requestHash: string): Promise<IdempotencyClaim> {
    const inserted = await this.dataSource.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, method, path, requestHash],
    );
    if (inserted.length > 0) return { kind: 'claimed' };
    const existing = await this.dataSource.getRepository(IdempotencyKeyEntity).findOne({ where: { userId, key } });
    if (!existing) return this.claim(userId, key, method, path, requestHash); // released meanwhile
    if (existing.requestHash !== requestHash || existing.method !== method || existing.path !== path) {
      return { kind: 'mismatch' };
    }
    if (existing.statusCode === null) {
      // DELETE answers [rows, count]. Of two retries taking over at once, one inserts the claim anew.
      const [, abandoned] = await this.dataSource.query(
        `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status_code IS NULL
         AND created_at < now() - make_interval(secs => $3)`,
        [userId, key, ABANDONED_CLAIM_MS / 1000],
      );
      if (abandoned > 0) return this.claim(userId, key, method, path, requestHash);
      return { kind: 'in-progress' };
    }
    return { kind: 'replay', statusCode: existing.statusCode, resourceId: existing.resourceId };
  }

  async complete(userId: string, key: string, statusCode: number, resourceId: string | null): Promise<void> {
    await this.dataSource.query('UPDATE idempotency_keys SET status_code = $3, resource_id = $4 WHERE user_id = $1 AND key = $2', [
      userId,
      key,
      statusCode,
      resourceId,
    ]);
  }

  /** Forgets a claim whose request failed for a transient reason, so the client may retry with the same key. */
  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status_code IS NULL', [
      userId,
      key,
    ]);
  }
}
