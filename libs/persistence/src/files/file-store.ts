import { createHash, randomBytes } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { KeyRing } from '@dandang/sealing';
import { openingStream, sealingStream } from './sealed-stream';

/** Where sealed bytes are kept: a folder (the embedded default) or an S3-compatible object store (production). */
export interface BlobStore {
  /** Writes `content` under `key`; on any failure nothing is left under it. */
  write(key: string, content: Readable): Promise<void>;
  read(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
}

/** What `FileStore.put` measured and sealed: the caller keeps all four in the file's row. */
export interface StoredFile {
  /** Where the sealed bytes are (BlobStore key). */
  key: string;
  /** Bytes of the plaintext. */
  size: number;
  /** SHA-256 of the plaintext, hex, computed as the bytes went by. */
  sha256: string;
  /** The file's data key, sealed under the master key (a KeyRing envelope bound to `fileContext(id)`). */
  wrappedKey: string;
}

/** The handle to read a stored file back: its row's id, key and wrapped key. */
export interface StoredFileRef {
  id: string;
  key: string;
  wrappedKey: string;
}

/**
 * Files sealed at rest, one data key each, wrapped by the master keys (docs/key-management.md). The evidence files
 * and the generated documents both keep theirs here; a table that holds `wrappedKey` registers the column in
 * SEALED_COLUMNS with `fileContext`, so `npm run keys -- rewrap` rewraps it.
 */
export interface FileStore {
  /**
   * Streams `content` in, sealed, under a key made from `id` (a new uuid of the caller's row). More than `maxBytes`
   * fails with FileTooLargeError and stores nothing.
   */
  put(content: Readable, meta: { id: string; maxBytes?: number }): Promise<StoredFile>;
  /** The plaintext, checked chunk by chunk as it is read: an altered file fails the stream. */
  get(file: StoredFileRef): Promise<Readable>;
  exists(key: string): Promise<boolean>;
}

/** The context a file's data key and chunks are bound to: a sealed file copied under another row does not open. */
export const fileContext = (id: string): string => `file:${id}`;

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class SealedFileStore implements FileStore {
  constructor(
    private readonly blobs: BlobStore,
    private readonly keyRing: KeyRing,
  ) {}

  async put(content: Readable, { id, maxBytes = Number.MAX_SAFE_INTEGER }: { id: string; maxBytes?: number }): Promise<StoredFile> {
    const dataKey = randomBytes(32);
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done: TransformCallback) {
        size += chunk.length;
        if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const sealed = sealingStream(dataKey, fileContext(id));
    const key = `${id.slice(0, 2)}/${id}`;
    const written = this.blobs.write(key, sealed);
    // Whichever fails first (too large, the client gone, the store) fails both, and the store keeps nothing.
    const fed = pipeline(content, measure, sealed).catch((e: unknown) => {
      sealed.destroy(e as Error);
      throw e;
    });
    const [feeding, writing] = await Promise.allSettled([fed, written]);
    if (feeding.status === 'rejected') throw feeding.reason;
    if (writing.status === 'rejected') throw writing.reason;
    return { key, size, sha256: hash.digest('hex'), wrappedKey: this.keyRing.seal(dataKey.toString('base64'), fileContext(id)) };
  }

  async get(file: StoredFileRef): Promise<Readable> {
    const dataKey = Buffer.from(this.keyRing.open(file.wrappedKey, fileContext(file.id)), 'base64');
    const sealed = await this.blobs.read(file.key);
    const plain = openingStream(dataKey, fileContext(file.id));
    sealed.on('error', (e) => plain.destroy(e));
    return sealed.pipe(plain);
  }

  exists(key: string): Promise<boolean> {
    return this.blobs.exists(key);
  }
}
