import type { ErrorHistory, ReviewState } from '@dandang/contracts';
import type { CaseEvent } from '@dandang/contracts';
import type { DataSource } from 'typeorm';
import { FaultToleranceReviewEntity } from '../entities';
import { AuditRepository } from './audit.repository';

/** Fault-tolerance reviews: projection (audit stream + read row, in one statement) and reads. */
export class ReviewRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly dataSource: DataSource) {
    this.audit = new AuditRepository(dataSource);
  }

  /** Idempotent and version-guarded, like the case projection, and like it in two round trips (see there). */
  async project(state: ReviewState, event: CaseEvent): Promise<void> {
    const row = [state.reviewId, state.caseId, state.seq, state.version, state.status, JSON.stringify(state), event.occurredAt];
    await this.audit.appendWith(event, (first) => ({
      sql: `INSERT INTO fault_tolerance_reviews (id, case_id, seq, version, status, state, updated_at)
       VALUES (${row.map((_, i) => `$${first + i}`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, state = EXCLUDED.state,
         updated_at = EXCLUDED.updated_at
       WHERE fault_tolerance_reviews.version < EXCLUDED.version`,
      params: row,
    }));
  }

  listForCase(caseId: string): Promise<FaultToleranceReviewEntity[]> {
    return this.dataSource.getRepository(FaultToleranceReviewEntity).find({ where: { caseId }, order: { seq: 'ASC' } });
  }

  /**
   * The official's record before this case (初犯 vs 累犯), from the read model: earlier cases of the same official
   * (their user account, or else name and unit) with an accountability decision, and earlier tolerated errors.
   */
  async errorHistory(caseId: string): Promise<ErrorHistory> {
    const rows = await this.dataSource.query(
      `SELECT
         count(*) FILTER (WHERE jsonb_array_length(COALESCE(o.state->'decision'->'forms', '[]'::jsonb)) > 0)::int AS accountability,
         count(*) FILTER (WHERE o.state->'tolerance'->>'outcome' IN ('EXEMPTION', 'MITIGATION'))::int AS tolerated
       FROM cases c JOIN cases o ON o.id <> c.id AND o.registered_at < c.registered_at
         AND (CASE WHEN c.subject_user_id IS NOT NULL THEN o.subject_user_id = c.subject_user_id
              ELSE o.subject_name = c.subject_name AND o.subject_org_unit_id = c.subject_org_unit_id END)
       WHERE c.id = $1`,
      [caseId],
    );
    return { priorAccountabilityCases: rows[0]?.accountability ?? 0, priorToleratedErrors: rows[0]?.tolerated ?? 0 };
  }
}
