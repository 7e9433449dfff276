import type { DataSource } from 'typeorm';

/** One stored evidence file (table evidence_files): what the store measured, where its sealed bytes are, who sent it. */
export interface EvidenceFileRecord {
  id: string;
  caseId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  storageKey: string;
  wrappedKey: string;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: Date;
  supersedes: string | null;
}

const SELECT = `SELECT id, case_id AS "caseId", name, media_type AS "mediaType", size::float8 AS size, sha256, storage_key AS "storageKey",
  wrapped_key AS "wrappedKey", uploaded_by AS "uploadedBy", uploaded_by_name AS "uploadedByName", uploaded_at AS "uploadedAt", supersedes
  FROM evidence_files`;

/** Evidence files are only ever added: there is no delete, and the table refuses one (migration EvidenceFiles). */
export class EvidenceFileRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(file: EvidenceFileRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO evidence_files (id, case_id, name, media_type, size, sha256, storage_key, wrapped_key, uploaded_by, uploaded_by_name, uploaded_at, supersedes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [file.id, file.caseId, file.name, file.mediaType, file.size, file.sha256, file.storageKey, file.wrappedKey, file.uploadedBy, file.uploadedByName, file.uploadedAt, file.supersedes],
    );
  }

  async find(caseId: string, id: string): Promise<EvidenceFileRecord | undefined> {
    const [row] = await this.dataSource.query(`${SELECT} WHERE case_id = $1 AND id = $2`, [caseId, id]);
    return row;
  }

  listByCase(caseId: string): Promise<EvidenceFileRecord[]> {
    return this.dataSource.query(`${SELECT} WHERE case_id = $1 ORDER BY uploaded_at, id`, [caseId]);
  }
}
