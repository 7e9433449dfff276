import type { KeyRing } from '@dandang/sealing';
import { fileContext } from './files/file-store';
import type { DataSource } from 'typeorm';

/**
 * Every column that holds sealed values (libs/sealing envelopes), with the context each value is bound to: what a key
 * rotation rewraps and what must be gone before a master key may be dropped (docs/key-management.md). A table that
 * starts sealing a column adds it here.
 */
export interface SealedColumn {
  table: string;
  /** The row's key, a single column whose text the context is made from. */
  idColumn: string;
  column: string;
  context(id: string): string;
}

/** The reporter's identity is bound to its case: an envelope copied to another case's row does not open there. */
export const reporterContext = (caseId: string): string => `reporter:${caseId}`;

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'case_reporters', idColumn: 'case_id', column: 'identity', context: reporterContext },
  // A stored file's data key (FileStore); the file's bytes stay as they are.
  { table: 'evidence_files', idColumn: 'id', column: 'wrapped_key', context: fileContext },
  // A generated document's (文书) data key, in the same file store.
  { table: 'case_document_files', idColumn: 'id', column: 'wrapped_key', context: fileContext },
];

const keyRings = new WeakMap<DataSource, KeyRing>();

/**
 * Gives the migrations run on `dataSource` the key ring, for those that seal values left in plaintext by an older
 * version (TypeORM makes migrations itself, so they cannot be handed one). Returns `dataSource`.
 */
export function withKeyRing(dataSource: DataSource, keyRing: KeyRing): DataSource {
  keyRings.set(dataSource, keyRing);
  return dataSource;
}

export function keyRingOf(dataSource: DataSource): KeyRing | undefined {
  return keyRings.get(dataSource);
}
