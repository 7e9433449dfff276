import { createCipheriv, createDecipheriv } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { SealError } from '@dandang/sealing';

/**
 * A file sealed at rest: AES-256-GCM in chunks under the file's own data key (the STREAM construction). One GCM over
 * a whole file would hand out plaintext on download before its tag is checked at the very end; in chunks, each 64 KiB
 * is authenticated before it is released, memory stays one chunk whatever the file's size, and the chunk's number and
 * a last-chunk flag in the associated data refuse chunks reordered, dropped or cut off at the end.
 *
 * Layout: `DDF1` ‖ chunk size (uint32 BE), then per chunk ciphertext ‖ tag (16). The nonce is the chunk's number:
 * unique, as each file has a fresh random key.
 */
const MAGIC = Buffer.from('DDF1', 'ascii');
const HEADER_BYTES = 8;
const TAG_BYTES = 16;
export const SEALED_CHUNK_BYTES = 64 * 1024;

const nonce = (index: number): Buffer => {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(index), 0);
  return iv;
};
const aad = (context: string, index: number, last: boolean): Buffer => Buffer.from(`${context}:${index}:${last ? 'last' : 'more'}`, 'utf8');

/** Seals a stream of plaintext under `dataKey`, bound to `context` (the file's id). */
export function sealingStream(dataKey: Buffer, context: string, chunkBytes = SEALED_CHUNK_BYTES): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', dataKey, nonce(index));
    cipher.setAAD(aad(context, index++, last));
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header);
  header.writeUInt32BE(chunkBytes, 4);
  let started = false;
  return new Transform({
    transform(data: Buffer, _encoding, done: TransformCallback) {
      if (!started) {
        this.push(header);
        started = true;
      }
      pending = pending.length ? Buffer.concat([pending, data]) : data;
      // A chunk is sealed once more follows it, so that the last one is known to be the last.
      while (pending.length > chunkBytes) {
        this.push(seal(pending.subarray(0, chunkBytes), false));
        pending = pending.subarray(chunkBytes);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(header);
      this.push(seal(pending, true));
      done();
    },
  });
}

/** Opens what sealingStream sealed; fails (SealError) on the first chunk that was altered, moved or cut. */
export function openingStream(dataKey: Buffer, context: string): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let chunkBytes: number | undefined;
  let index = 0;
  const open = (sealed: Buffer, last: boolean): Buffer => {
    if (sealed.length < TAG_BYTES) throw new SealError('sealed file is cut short');
    const decipher = createDecipheriv('aes-256-gcm', dataKey, nonce(index));
    decipher.setAAD(aad(context, index++, last));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new SealError('sealed file does not open: wrong key or file, or it was altered');
    }
  };
  return new Transform({
    transform(data: Buffer, _encoding, done: TransformCallback) {
      pending = pending.length ? Buffer.concat([pending, data]) : data;
      try {
        if (chunkBytes === undefined) {
          if (pending.length < HEADER_BYTES) return done();
          if (!pending.subarray(0, 4).equals(MAGIC)) throw new SealError('not a sealed file');
          chunkBytes = pending.readUInt32BE(4);
          pending = pending.subarray(HEADER_BYTES);
        }
        while (pending.length > chunkBytes + TAG_BYTES) {
          this.push(open(pending.subarray(0, chunkBytes + TAG_BYTES), false));
          pending = pending.subarray(chunkBytes + TAG_BYTES);
        }
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (chunkBytes === undefined) throw new SealError('not a sealed file');
        this.push(open(pending, true));
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
}
