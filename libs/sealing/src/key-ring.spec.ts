import { KeyRing, SealError } from './key-ring';
import { MasterKeysError, masterKeysText, newMasterKeys, parseMasterKeys, withNewCurrentKey, withoutKey } from './master-keys';

describe('KeyRing', () => {
  const keys = newMasterKeys(new Date('2026-12-04T00:00:00Z'));
  const ring = new KeyRing(keys);

  it('opens what it sealed, and the envelope holds no plaintext', () => {
    const sealed = ring.seal('张三 13800138000', 'reporter:c1:name');
    expect(sealed).not.toContain('张三');
    expect(Buffer.from(sealed).toString('utf8')).not.toContain('13800138000');
    expect(ring.open(sealed, 'reporter:c1:name')).toBe('张三 13800138000');
  });

  it('gives a different envelope for the same value each time', () => {
    expect(ring.seal('same', 'x')).not.toBe(ring.seal('same', 'x'));
  });

  it('refuses a value moved to another context', () => {
    const sealed = ring.seal('张三', 'reporter:c1:name');
    expect(() => ring.open(sealed, 'reporter:c2:name')).toThrow(SealError);
  });

  it('refuses an altered value', () => {
    const sealed = ring.seal('张三', 'ctx');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[body.length - 1] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => ring.open(parts.join('.'), 'ctx')).toThrow(SealError);
  });

  it('rotates: a new current key, a rewrap, then the old key can go', () => {
    const sealed = ring.seal('李四', 'ctx');
    const rotated = withNewCurrentKey(keys, new Date('2027-01-01T00:00:00Z'));
    const during = new KeyRing(rotated);
    expect(during.open(sealed, 'ctx')).toBe('李四');
    const rewrapped = during.rewrap(sealed, 'ctx');
    expect(during.keyIdOf(rewrapped)).toBe(rotated.current);
    const after = new KeyRing(withoutKey(rotated, keys.current));
    expect(after.open(rewrapped, 'ctx')).toBe('李四');
    expect(() => after.open(sealed, 'ctx')).toThrow(/not in the key ring/);
  });

  it('derives a distinct key per purpose and per master key', () => {
    expect(ring.derivedKey('temporal-payloads')).toHaveLength(32);
    expect(ring.derivedKey('temporal-payloads').equals(ring.derivedKey('audit-checkpoints'))).toBe(false);
    const other = new KeyRing(newMasterKeys());
    expect(other.derivedKey('temporal-payloads').equals(ring.derivedKey('temporal-payloads'))).toBe(false);
  });
});

describe('parseMasterKeys', () => {
  it('reads back what masterKeysText wrote', () => {
    const keys = newMasterKeys();
    const read = parseMasterKeys(masterKeysText(keys));
    expect(read.current).toBe(keys.current);
    expect(read.keys.get(keys.current)?.equals(keys.keys.get(keys.current)!)).toBe(true);
  });

  it.each([
    ['not json', /not JSON/],
    ['{}', /no "keys"/],
    ['{"current":"a","keys":{"a":"c2hvcnQ="}}', /not 32 bytes/],
    ['{"current":"b","keys":{"a":"' + Buffer.alloc(32).toString('base64') + '"}}', /no "current"/],
    ['{"current":"a.b","keys":{"a.b":"' + Buffer.alloc(32).toString('base64') + '"}}', /key id/],
  ])('refuses %s', (text, problem) => {
    expect(() => parseMasterKeys(text)).toThrow(MasterKeysError);
    expect(() => parseMasterKeys(text)).toThrow(problem);
  });

  it('never drops the current key', () => {
    const keys = newMasterKeys();
    expect(() => withoutKey(keys, keys.current)).toThrow(/current key/);
  });
});
