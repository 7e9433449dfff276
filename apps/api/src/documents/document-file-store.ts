import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { Injectable } from '@nestjs/common';
import { DocumentRepository, SealedFileStore } from '@dandang/persistence';

/** A generated document's file as the documents feature hands it over and gets it back. */
export interface DocumentFileRecord {
  id: string;
  caseId: string;
  kind: string;
  sha256: string;
  content: Buffer;
}

/** Where generated documents are kept: the interface the documents feature needs of a store. */
export abstract class DocumentFileStore {
  abstract put(file: DocumentFileRecord): Promise<void>;
  /** The case's file, or null when the case has none with that id. */
  abstract get(caseId: string, id: string): Promise<DocumentFileRecord | null>;
}

/**
 * The sealed file store of the evidence files (FILE_STORE: a folder or an S3 bucket, one data key per file wrapped by
 * the master keys), with a row per document naming its bytes there.
 */
@Injectable()
export class SealedDocumentFileStore extends DocumentFileStore {
  constructor(
    private readonly store: SealedFileStore,
    private readonly documents: DocumentRepository,
  ) {
    super();
  }

  async put(file: DocumentFileRecord): Promise<void> {
    const stored = await this.store.put(Readable.from([file.content]), { id: file.id });
    // The store measured what it sealed: anything else than what was generated is a fault, not a document.
    if (stored.sha256 !== file.sha256) throw new Error(`document ${file.id}: the store sealed other bytes than those generated`);
    await this.documents.addFile({ id: file.id, caseId: file.caseId, kind: file.kind, sha256: stored.sha256, size: stored.size, key: stored.key, wrappedKey: stored.wrappedKey });
  }

  async get(caseId: string, id: string): Promise<DocumentFileRecord | null> {
    const row = await this.documents.findFile(caseId, id);
    if (!row) return null;
    const content = await buffer(await this.store.get({ id: row.id, key: row.key, wrappedKey: row.wrappedKey }));
    return { id: row.id, caseId: row.caseId, kind: row.kind, sha256: row.sha256, content };
  }
}
