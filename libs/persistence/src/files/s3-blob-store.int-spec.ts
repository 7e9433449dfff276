import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { CreateBucketCommand, ListObjectsV2Command, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import { locateMinio } from '@dandang/testing';
import { KeyRing, parseMasterKeys } from '@dandang/sealing';
import { FileTooLargeError, SealedFileStore } from './file-store';
import { S3BlobStore } from './s3-blob-store';

const CREDENTIALS = { accessKeyId: 'dandang-test', secretAccessKey: 'dandang-test-secret' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('the sealed file store on an S3-compatible object store (MinIO)', () => {
  let minio: ChildProcess;
  let dir: string;
  let endpoint: string;
  let client: S3Client;
  const bucket = 'dandang-files';
  const keyRing = new KeyRing(parseMasterKeys(JSON.stringify({ current: 'k1', keys: { k1: randomBytes(32).toString('base64') } })));
  const storeOf = () => new S3BlobStore({ endpoint, region: 'us-east-1', bucket, credentials: CREDENTIALS, forcePathStyle: true });

  beforeAll(async () => {
    // A real S3-compatible server, built once per machine (minutes the first time).
    const minioBinary = await locateMinio({ log: (line) => process.stderr.write(`${line}\n`) });
    dir = await mkdtemp(join(tmpdir(), 'dandang-minio-'));
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    minio = spawn(minioBinary, ['server', dir, '--address', `127.0.0.1:${port}`, '--console-address', `127.0.0.1:${await freePort()}`], {
      env: { ...process.env, MINIO_ROOT_USER: CREDENTIALS.accessKeyId, MINIO_ROOT_PASSWORD: CREDENTIALS.secretAccessKey },
      stdio: 'ignore',
    });
    client = new S3Client({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
    for (const deadline = Date.now() + 30_000; ; ) {
      try {
        await client.send(new CreateBucketCommand({ Bucket: bucket }));
        break;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }, 1_800_000);
  afterAll(async () => {
    client?.destroy();
    minio?.kill('SIGTERM');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stores a small file in one request and a large one in parts, sealed, and reads both back', async () => {
    const store = new SealedFileStore(storeOf(), keyRing);
    for (const [id, bytes] of [
      ['11111111-1111-4111-8111-111111111111', Buffer.from('谈话笔录 MARKER-S3\n'.repeat(50))],
      ['22222222-2222-4222-8222-222222222222', randomBytes(20 * 1024 * 1024 + 123)],
    ] as const) {
      const stored = await store.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), { id });
      expect(stored).toMatchObject({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
      expect(await store.exists(stored.key)).toBe(true);
      expect((await buffer(await storeOf().read(stored.key))).includes(bytes.subarray(0, 16))).toBe(false);
      expect((await buffer(await store.get({ id, ...stored }))).equals(bytes)).toBe(true);
    }
    expect(await store.exists('no/such-key')).toBe(false);
  }, 120_000);

  it('leaves neither an object nor an open upload behind a file over the limit', async () => {
    const store = new SealedFileStore(storeOf(), keyRing);
    const id = '33333333-3333-4333-8333-333333333333';
    await expect(store.put(Readable.from([randomBytes(9 * 1024 * 1024), randomBytes(9 * 1024 * 1024)]), { id, maxBytes: 12 * 1024 * 1024 })).rejects.toBeInstanceOf(FileTooLargeError);
    const objects = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: '33/' }));
    expect(objects.Contents ?? []).toEqual([]);
    const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(uploads.Uploads ?? []).toEqual([]);
  }, 120_000);
});
