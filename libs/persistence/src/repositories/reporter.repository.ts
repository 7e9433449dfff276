import type { DataSource } from 'typeorm';
import { CaseReporterEntity } from '../entities';

export interface ReporterRecord {
  caseId: string;
  anonymous: boolean;
  name: string | null;
  contact: string | null;
  recordedBy: string;
}

export class ReporterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the reporter once; a retried registration of the same case keeps the first record. */
  async insert(record: ReporterRecord): Promise<void> {
    await this.dataSource.getRepository(CaseReporterEntity).createQueryBuilder().insert().values(record).orIgnore().execute();
  }

  findByCaseId(caseId: string): Promise<CaseReporterEntity | null> {
    return this.dataSource.getRepository(CaseReporterEntity).findOne({ where: { caseId } });
  }

  /** Compensation when the case itself could not be started. */
  async delete(caseId: string): Promise<void> {
    await this.dataSource.getRepository(CaseReporterEntity).delete({ caseId });
  }
}
