import type { CaseEvent, CaseState } from '@dandang/contracts';
import type { DataSource } from 'typeorm';
import { AuditRepository } from './audit.repository';
import { upsertCaseRow } from './case-row';

/**
 * Writes a workflow's accepted change to PostgreSQL: the audit event and the read-model row, in one transaction.
 * Idempotent and version-guarded, so activity retries and reordering never move a case backwards.
 */
export class CaseProjectionRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly dataSource: DataSource) {
    this.audit = new AuditRepository(dataSource);
  }

  async project(state: CaseState, event: CaseEvent): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.audit.append(manager, event);
      await upsertCaseRow(manager, state, event.occurredAt, 'guarded');
    });
  }
}
