import type { DataSource } from 'typeorm';
import type { SecurityEventRepository } from './security-event.repository';

/** A closed case still holding its reporter's identity. */
export interface RetainedIdentity {
  caseId: string;
  closedAt: Date;
}

export interface Erasure {
  caseId: string;
  caseClosedAt: Date;
  retentionYears: number;
  policyVersion: string;
}

/** Who the security-event log names for an erasure: the retention schedule, no person. */
export const RETENTION_ACTOR = '保存期限 (retention schedule)';

/**
 * Crypto-shredding of reporter identities whose retention has run (保存期限届满): the envelope is deleted, so the
 * identity is gone from the database (backups keep it until they expire: docs/key-management.md). Needs no key.
 */
export class ReporterRetentionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` closed cases, closed before `closedBefore`, whose identity is still held; oldest first. */
  async retained(closedBefore: Date, limit: number): Promise<RetainedIdentity[]> {
    const rows: Array<{ case_id: string; closed_at: Date }> = await this.dataSource.query(
      `SELECT r.case_id, c.stage_entered_at AS closed_at
         FROM case_reporters r JOIN cases c ON c.id = r.case_id
        WHERE r.identity IS NOT NULL AND c.stage = 'CLOSED' AND c.stage_entered_at < $1
        ORDER BY c.stage_entered_at, r.case_id LIMIT $2`,
      [closedBefore, limit],
    );
    return rows.map((r) => ({ caseId: r.case_id, closedAt: new Date(r.closed_at) }));
  }

  /**
   * Deletes the sealed identity and records the erasure, in one transaction; false when there was nothing left to
   * erase (an earlier try did) or the case is no longer closed before `closedBefore` (it was reopened meanwhile).
   */
  async erase(erasure: Erasure, closedBefore: Date, at: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, erased] = await manager.query(
        `UPDATE case_reporters r SET identity = NULL, erased_at = $2
           FROM cases c WHERE c.id = r.case_id AND r.case_id = $1 AND r.identity IS NOT NULL
            AND c.stage = 'CLOSED' AND c.stage_entered_at < $3`,
        [erasure.caseId, at, closedBefore],
      );
      if (erased === 0) return false;
      await manager.query(
        `INSERT INTO reporter_erasures (case_id, erased_at, case_closed_at, retention_years, policy_version) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (case_id) DO NOTHING`,
        [erasure.caseId, at, erasure.caseClosedAt, erasure.retentionYears, erasure.policyVersion],
      );
      return true;
    });
  }

  /**
   * Records in the security-event log each erasure not yet there (auditors read it there). An erasure and its event
   * are written apart (the log chains its events under its own lock), so a crash between them leaves the event to
   * the next run; a crash after the event and before its mark may record it twice, never lose it.
   */
  async logErasures(events: SecurityEventRepository, limit = 500): Promise<number> {
    const rows: Array<{ case_id: string; erased_at: Date; case_closed_at: Date; retention_years: number; policy_version: string }> =
      await this.dataSource.query(
        `SELECT case_id, erased_at, case_closed_at, retention_years, policy_version FROM reporter_erasures
          WHERE security_event_seq IS NULL ORDER BY erased_at, case_id LIMIT $1`,
        [limit],
      );
    for (const row of rows) {
      const event = await events.append({
        kind: 'REPORTER_IDENTITY_ERASED',
        occurredAt: new Date(row.erased_at),
        actorId: null,
        actorName: RETENTION_ACTOR,
        subject: row.case_id,
        details: {
          caseClosedAt: new Date(row.case_closed_at).toISOString(),
          retentionYears: row.retention_years,
          policyVersion: row.policy_version,
        },
      });
      await this.dataSource.query(`UPDATE reporter_erasures SET security_event_seq = $2 WHERE case_id = $1`, [row.case_id, event.seq]);
    }
    return rows.length;
  }
}
