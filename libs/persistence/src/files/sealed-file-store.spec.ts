import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { KeyRing, parseMasterKeys, SealError } from '@dandang/sealing';
import { FileTooLargeError, SealedFileStore } from './file-store';
import { FilesystemBlobStore } from './filesystem-blob-store';

const keyRing = () => new KeyRing(parseMasterKeys(JSON.stringify({ current: 'k1', keys: { k1: randomBytes(32).toString('base64') } })));
const id = () => '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';

describe('the sealed file store on the file system', () => {
  let dir: string;
  let store: SealedFileStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dandang-files-'));
    store = new SealedFileStore(new FilesystemBlobStore(dir), keyRing());
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const filesIn = async (): Promise<string[]> => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

  it.each([0, 1, 64 * 1024, 64 * 1024 + 1, 300_000])('gives back %i bytes as they were, with their SHA-256, sealed on disk', async (n) => {
    const bytes = randomBytes(n);
    const stored = await store.put(Readable.from([bytes.subarray(0, n / 3), bytes.subarray(n / 3)]), { id: id() });
    expect(stored).toMatchObject({ size: n, sha256: createHash('sha256').update(bytes).digest('hex') });
    const [file] = await filesIn();
    const onDisk = await readFile(file);
    if (n > 32) expect(onDisk.includes(bytes.subarray(0, 32))).toBe(false);
    expect(await store.exists(stored.key)).toBe(true);
    expect(await buffer(await store.get({ id: id(), ...stored }))).toEqual(bytes);
  });

  it('keeps no plaintext of a text file on disk', async () => {
    const text = Buffer.from('谈话笔录：某某承认收受红包三次。'.repeat(100));
    const stored = await store.put(Readable.from([text]), { id: id() });
    const onDisk = await readFile((await filesIn())[0]);
    expect(onDisk.toString('utf8')).not.toContain('谈话笔录');
    expect(await buffer(await store.get({ id: id(), ...stored }))).toEqual(text);
  });

  it('refuses a file over the limit and leaves nothing stored', async () => {
    await expect(store.put(Readable.from([randomBytes(100_000), randomBytes(100_000)]), { id: id(), maxBytes: 150_000 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await filesIn()).toEqual([]);
  });

  it('refuses a sealed file altered on disk, cut short, or read under another row', async () => {
    const bytes = randomBytes(200_000);
    const stored = await store.put(Readable.from([bytes]), { id: id() });
    const [file] = await filesIn();
    const sealed = await readFile(file);
    await expect(store.get({ ...stored, id: '00000000-0000-4000-8000-000000000000' }).then(buffer)).rejects.toBeInstanceOf(SealError);
    await writeFile(file, sealed.subarray(0, sealed.length - 70_000));
    await expect(buffer(await store.get({ id: id(), ...stored }))).rejects.toBeInstanceOf(SealError);
    const flipped = Buffer.from(sealed);
    flipped[100] ^= 1;
    await writeFile(file, flipped);
    await expect(buffer(await store.get({ id: id(), ...stored }))).rejects.toBeInstanceOf(SealError);
  });

  it('wraps the data key so that a key rotation rewraps it', async () => {
    const ring = keyRing();
    const s = new SealedFileStore(new FilesystemBlobStore(dir), ring);
    const stored = await s.put(Readable.from([Buffer.from('x')]), { id: id() });
    expect(ring.keyIdOf(stored.wrappedKey)).toBe('k1');
  });
});
