import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { invalidInput } from '@dandang/domain';

/** The form of an upload: its text fields, which come before the file, and the file itself. */
export interface UploadPart {
  fields: Record<string, string>;
  filename: string;
  content: Readable;
}

/**
 * Reads a multipart request, handing the single part named `file` to `handle` as a stream while it arrives (nothing
 * is held whole in memory or on disk). The fields must come before the file, so that they are checked before anything
 * is stored. Resolves with what `handle` resolved with, once the whole request is read.
 */
export function readUpload<T>(req: IncomingMessage, maxBytes: number, handle: (part: UploadPart) => Promise<T>): Promise<T> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(invalidInput([{ field: 'body', message: 'must be multipart/form-data with the file in a part named "file"' }]));
  }
  return new Promise<T>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let handled: Promise<T> | undefined;
    const parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 20, fieldSize: 64 * 1024, fileSize: maxBytes + 1 } });
    const fail = (e: unknown) => {
      // The rest of the request is read and dropped, so that the client gets the answer rather than a reset.
      req.unpipe(parser);
      req.resume();
      reject(e);
    };
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || handled) {
        stream.resume();
        return;
      }
      handled = handle({ fields: { ...fields }, filename: info.filename, content: stream });
      handled.catch(fail);
    });
    parser.on('error', fail);
    parser.on('close', () => {
      if (!handled) return fail(invalidInput([{ field: 'file', message: 'is required: a part named "file" after the fields' }]));
      handled.then(resolve, () => undefined);
    });
    req.on('error', fail);
    req.pipe(parser);
  });
}

/** The first `bytes` of `content` (fewer if it is shorter), and the whole content again as a stream. */
export async function peek(content: Readable, bytes: number): Promise<{ head: Buffer; whole: Readable }> {
  const source = content[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value as Buffer);
    length += (next.value as Buffer).length;
  }
  const head = Buffer.concat(chunks);
  async function* all() {
    yield head;
    if (ended) return;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value as Buffer;
  }
  return { head: head.subarray(0, bytes), whole: Readable.from(all(), { objectMode: false }) };
}
