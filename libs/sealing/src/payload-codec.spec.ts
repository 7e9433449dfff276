import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { SealError } from './key-ring';
import { newMasterKeys, withNewCurrentKey } from './master-keys';
import { PAYLOAD_KEY_ID, SEALED_PAYLOAD_ENCODING, SealedPayloadCodec, sealedDataConverter } from './payload-codec';

const clue = { title: '某局长违规收受礼金', reporter: { name: '王五', contact: '13900139000' } };
const bytesOf = (payloads: Payload[]): string => payloads.map((p) => Buffer.from(p.data ?? []).toString('utf8') + JSON.stringify(p.metadata)).join();
const meta = (p: Payload, key: string): string => Buffer.from(p.metadata?.[key] ?? []).toString('utf8');

describe('SealedPayloadCodec', () => {
  const keys = newMasterKeys(new Date('2026-12-04T00:00:00Z'));
  const codec = new SealedPayloadCodec(keys);

  it('seals a payload so that neither its data nor its metadata shows the value, and opens it again', async () => {
    const plain = defaultPayloadConverter.toPayload(clue);
    const [sealed] = await codec.encode([plain]);
    expect(bytesOf([sealed])).not.toContain('王五');
    expect(bytesOf([sealed])).not.toContain('13900139000');
    expect(bytesOf([sealed])).not.toContain('json/plain');
    expect(meta(sealed, 'encoding')).toBe(SEALED_PAYLOAD_ENCODING);
    expect(meta(sealed, PAYLOAD_KEY_ID)).toBe(keys.current);
    const [opened] = await codec.decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual(clue);
  });

  it('passes an unsealed payload through decode unchanged, so histories from before the codec replay', async () => {
    const plain = defaultPayloadConverter.toPayload(clue);
    expect(await codec.decode([plain])).toEqual([plain]);
  });

  it('opens payloads sealed under an older master key after a rotation, and seals new ones under the new key', async () => {
    const [old] = await codec.encode([defaultPayloadConverter.toPayload(clue)]);
    const rotated = withNewCurrentKey(keys, new Date('2027-01-01T00:00:00Z'));
    const after = new SealedPayloadCodec(rotated);
    expect(defaultPayloadConverter.fromPayload((await after.decode([old]))[0])).toEqual(clue);
    expect(meta((await after.encode([defaultPayloadConverter.toPayload(1)]))[0], PAYLOAD_KEY_ID)).toBe(rotated.current);
  });

  it('refuses a payload sealed under a key it does not hold, or altered', async () => {
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(clue)]);
    await expect(new SealedPayloadCodec(newMasterKeys()).decode([sealed])).rejects.toThrow(SealError);
    const altered = { ...sealed, data: Uint8Array.from(sealed.data!, (b, i) => (i === sealed.data!.length - 1 ? b ^ 1 : b)) };
    await expect(codec.decode([altered])).rejects.toThrow(SealError);
  });

  it('seals the same value differently each time', async () => {
    const plain = defaultPayloadConverter.toPayload(clue);
    const [a, b] = await codec.encode([plain, plain]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });
});

describe('sealedDataConverter', () => {
  it('seals a failure message and stack, and gives them back to a client with the same keys', async () => {
    // Internal to the SDK but the very path its client and worker take for failures.
    const { loadDataConverter } = await import('@temporalio/common/lib/internal-non-workflow/index.js');
    const { encodeErrorToFailure, decodeOptionalFailureToOptionalError } = await import('@temporalio/common/lib/internal-non-workflow/codec-helpers.js');
    const keys = newMasterKeys();
    const converter = loadDataConverter(sealedDataConverter(keys));
    const failure = await encodeErrorToFailure(converter, new Error('关于张三的线索: 13900139000'));
    const wire = JSON.stringify(failure, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v));
    expect(wire).not.toContain('张三');
    expect(wire).not.toContain('13900139000');
    const error = await decodeOptionalFailureToOptionalError(converter, failure);
    expect(error?.message).toBe('关于张三的线索: 13900139000');
  });
});
