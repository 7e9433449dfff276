import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { MasterKeys } from './master-keys';

/**
 * Envelope encryption with AES-256-GCM: each sealed value has its own random data key, itself sealed ("wrapped") by
 * a master key. A rotation rewraps data keys without touching the data; erasing a value's data key erases the value.
 *
 * An envelope is `dd1.<master key id>.<wrapped data key>.<ciphertext>`, both parts base64url of iv ‖ tag ‖ bytes.
 * The `context` (e.g. `reporter:<case id>:name`) is bound in as associated data, so a sealed value copied to another
 * row or field does not open there.
 */
export class KeyRing {
  constructor(private readonly master: MasterKeys) {}

  get currentKeyId(): string {
    return this.master.current;
  }

  seal(plaintext: string, context: string): string {
    const dataKey = randomBytes(32);
    const wrapped = encrypt(this.masterKey(this.master.current), dataKey, `wrap:${context}`);
    const body = encrypt(dataKey, Buffer.from(plaintext, 'utf8'), context);
    return ['dd1', this.master.current, wrapped.toString('base64url'), body.toString('base64url')].join('.');
  }

  open(envelope: string, context: string): string {
    const { keyId, wrapped, body } = parseEnvelope(envelope);
    const dataKey = decrypt(this.masterKey(keyId), wrapped, `wrap:${context}`);
    return decrypt(dataKey, body, context).toString('utf8');
  }

  /** The master key id an envelope's data key is wrapped under. */
  keyIdOf(envelope: string): string {
    return parseEnvelope(envelope).keyId;
  }

  /** The same value with its data key wrapped under the current master key; the ciphertext is unchanged. */
  rewrap(envelope: string, context: string): string {
    const { keyId, wrapped, body } = parseEnvelope(envelope);
    if (keyId === this.master.current) return envelope;
    const dataKey = decrypt(this.masterKey(keyId), wrapped, `wrap:${context}`);
    const rewrapped = encrypt(this.masterKey(this.master.current), dataKey, `wrap:${context}`);
    return ['dd1', this.master.current, rewrapped.toString('base64url'), body.toString('base64url')].join('.');
  }

  /** A key for one purpose (Temporal payloads, audit checkpoints), derived from a master key with HKDF-SHA256. */
  derivedKey(purpose: string, keyId = this.master.current): Buffer {
    return Buffer.from(hkdfSync('sha256', this.masterKey(keyId), Buffer.alloc(0), `dandang:${purpose}`, 32));
  }

  hasKey(keyId: string): boolean {
    return this.master.keys.has(keyId);
  }

  private masterKey(id: string): Buffer {
    const key = this.master.keys.get(id);
    if (!key) throw new SealError(`master key "${id}" is not in the key ring (was it dropped before a rotation finished?)`);
    return key;
  }
}

export class SealError extends Error {}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM: iv ‖ tag ‖ ciphertext. */
export function encrypt(key: Buffer, plaintext: Buffer, associatedData: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

export function decrypt(key: Buffer, sealed: Buffer, associatedData: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new SealError('sealed value is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealError('sealed value does not open: wrong key or context, or it was altered');
  }
}

function parseEnvelope(envelope: string): { keyId: string; wrapped: Buffer; body: Buffer } {
  const parts = envelope.split('.');
  if (parts.length !== 4 || parts[0] !== 'dd1') throw new SealError('not a sealed value');
  return { keyId: parts[1], wrapped: Buffer.from(parts[2], 'base64url'), body: Buffer.from(parts[3], 'base64url') };
}
