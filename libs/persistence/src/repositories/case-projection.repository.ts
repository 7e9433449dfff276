import type { CaseEvent, CaseState } from '@dandang/contracts';
import type { DataSource } from 'typeorm';
import { AuditRepository } from './audit.repository';
import { writingCaseRow } from './case-row';
import { projectCaseWithEffects } from './official-effects.repository';

/**
 * Writes a workflow's accepted change to PostgreSQL: the audit event and the read-model row, in one statement.
 * Idempotent and version-guarded, so activity retries and reordering never move a case backwards.
 */
export class CaseProjectionRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly dataSource: DataSource) {
    this.audit = new AuditRepository(dataSource);
  }

  /**
   * Two round trips: the previous event's hash, then one statement (atomic as a transaction would be) that appends the
   * event and upserts the row, with the unit's path looked up inside it. Socket writes to PostgreSQL are the largest
   * cost of the worker's main thread, so a transaction's BEGIN and COMMIT and a separate lookup are round trips saved.
   */
  async project(state: CaseState, event: CaseEvent): Promise<boolean> {
    // With the register of effects (official_effects) when the case carries any: answers whether it was written.
    return writingCaseRow(state, () => projectCaseWithEffects(this.dataSource, this.audit, state, event));
  }
}
