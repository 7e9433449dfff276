import type { KeyRing } from '@dandang/sealing';
import type { DataSource } from 'typeorm';
import { CaseReporterEntity } from '../entities';
import { reporterContext } from '../sealed-values';

/** What registration records: the identity in plaintext, sealed before it leaves this process. */
export interface ReporterRecord {
  caseId: string;
  anonymous: boolean;
  name: string | null;
  contact: string | null;
  recordedBy: string;
}

/** The reporter as read back, opened; name and contact are null for an anonymous report and once erased. */
export interface ReporterIdentity extends ReporterRecord {
  recordedAt: Date;
  /** When the retention policy erased the identity (crypto-shredding); null until then. */
  erasedAt: Date | null;
}

interface SealedIdentity {
  name: string | null;
  contact: string | null;
}

/** The reporter's identity, sealed at rest with the master keys (libs/sealing): PostgreSQL sees ciphertext only. */
export class ReporterRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keyRing: KeyRing,
  ) {}

  /** Records the reporter once; a retried registration of the same case keeps the first record. */
  async insert(record: ReporterRecord): Promise<void> {
    const identity: SealedIdentity = { name: record.name, contact: record.contact };
    const sealed = record.anonymous && record.name === null && record.contact === null
      ? null
      : this.keyRing.seal(JSON.stringify(identity), reporterContext(record.caseId));
    await this.dataSource
      .getRepository(CaseReporterEntity)
      .createQueryBuilder()
      .insert()
      .values({ caseId: record.caseId, anonymous: record.anonymous, identity: sealed, recordedBy: record.recordedBy })
      .orIgnore()
      .execute();
  }

  async findByCaseId(caseId: string): Promise<ReporterIdentity | null> {
    const row = await this.dataSource.getRepository(CaseReporterEntity).findOne({ where: { caseId } });
    if (!row) return null;
    const identity: SealedIdentity = row.identity
      ? (JSON.parse(this.keyRing.open(row.identity, reporterContext(caseId))) as SealedIdentity)
      : { name: null, contact: null };
    return {
      caseId: row.caseId,
      anonymous: row.anonymous,
      name: identity.name,
      contact: identity.contact,
      recordedBy: row.recordedBy,
      recordedAt: row.recordedAt,
      erasedAt: row.erasedAt,
    };
  }

  /** Compensation when the case itself could not be started. */
  async delete(caseId: string): Promise<void> {
    await this.dataSource.getRepository(CaseReporterEntity).delete({ caseId });
  }
}
