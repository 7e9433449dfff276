import type { DataSource } from 'typeorm';

/** An administrator's template for a kind of document, as stored. */
export interface StoredDocumentTemplate {
  kind: string;
  version: number;
  content: Buffer;
  sha256: string;
  numberPrefix: string;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: Date;
}

export interface NewDocumentTemplate {
  kind: string;
  content: Buffer;
  sha256: string;
  numberPrefix: string;
  uploadedBy: string;
  uploadedByName: string;
}

/** A generated file's row: the file store keeps the sealed bytes under `key`, with the data key `wrappedKey`. */
export interface DocumentFile {
  id: string;
  caseId: string;
  kind: string;
  sha256: string;
  size: number;
  key: string;
  wrappedKey: string;
}

/** Document numbers, templates, and the rows of the generated files (their bytes are in the file store). */
export class DocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The next number of `kind` in `year`: one statement that creates or increments the row, so concurrent draws wait
   * on its row lock and each gets its own number.
   */
  async nextNumber(kind: string, year: number): Promise<number> {
    const rows: { last_number: number }[] = await this.dataSource.query(
      `INSERT INTO document_number_sequences (kind, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (kind, year) DO UPDATE SET last_number = document_number_sequences.last_number + 1
       RETURNING last_number`,
      [kind, year],
    );
    return rows[0].last_number;
  }

  /** The newest upload of each kind (the kinds without one use the built-in template). */
  async latestTemplates(): Promise<StoredDocumentTemplate[]> {
    const rows: TemplateRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (kind) * FROM document_templates ORDER BY kind, version DESC`,
    );
    return rows.map(toTemplate);
  }

  async latestTemplate(kind: string): Promise<StoredDocumentTemplate | null> {
    const rows: TemplateRow[] = await this.dataSource.query(
      `SELECT * FROM document_templates WHERE kind = $1 ORDER BY version DESC LIMIT 1`,
      [kind],
    );
    return rows[0] ? toTemplate(rows[0]) : null;
  }

  /** Adds the next version of the kind's template; uploads of one kind are serialized so versions never collide. */
  async addTemplate(template: NewDocumentTemplate): Promise<StoredDocumentTemplate> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('document_templates:' || $1::text))`, [template.kind]);
      const rows: TemplateRow[] = await m.query(
        `INSERT INTO document_templates (kind, version, content, sha256, number_prefix, uploaded_by, uploaded_by_name, uploaded_at)
         SELECT $1::varchar, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6, now() FROM document_templates WHERE kind = $1::varchar
         RETURNING *`,
        [template.kind, template.content, template.sha256, template.numberPrefix, template.uploadedBy, template.uploadedByName],
      );
      return toTemplate(rows[0]);
    });
  }

  /** Records a generated file: where the file store keeps its sealed bytes, and its wrapped data key. */
  async addFile(file: DocumentFile): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO case_document_files (id, case_id, kind, sha256, size, blob_key, wrapped_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [file.id, file.caseId, file.kind, file.sha256, file.size, file.key, file.wrappedKey],
    );
  }

  /** The case's file, or null when the case has no such file. */
  async findFile(caseId: string, id: string): Promise<DocumentFile | null> {
    const rows: { id: string; case_id: string; kind: string; sha256: string; size: string; blob_key: string; wrapped_key: string }[] = await this.dataSource.query(
      `SELECT id, case_id, kind, sha256, size, blob_key, wrapped_key FROM case_document_files WHERE id = $1 AND case_id = $2`,
      [id, caseId],
    );
    const r = rows[0];
    return r ? { id: r.id, caseId: r.case_id, kind: r.kind, sha256: r.sha256, size: Number(r.size), key: r.blob_key, wrappedKey: r.wrapped_key } : null;
  }
}

interface TemplateRow {
  kind: string;
  version: number;
  content: Buffer;
  sha256: string;
  number_prefix: string;
  uploaded_by: string;
  uploaded_by_name: string;
  uploaded_at: Date;
}

const toTemplate = (r: TemplateRow): StoredDocumentTemplate => ({
  kind: r.kind,
  version: r.version,
  content: r.content,
  sha256: r.sha256,
  numberPrefix: r.number_prefix,
  uploadedBy: r.uploaded_by,
  uploadedByName: r.uploaded_by_name,
  uploadedAt: r.uploaded_at,
});
