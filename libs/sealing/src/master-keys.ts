import { randomBytes } from 'node:crypto';

/**
 * The master keys (key-encryption keys) that seal personal data and Temporal payloads. They live outside PostgreSQL:
 * a key file or an environment secret. `current` seals new data; the others stay to open what they sealed until a
 * rotation has rewrapped it (docs/key-management.md).
 */
export interface MasterKeys {
  current: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** The text form of a key file: `{ "current": "<id>", "keys": { "<id>": "<32 bytes, base64>" } }`. */
interface MasterKeysText {
  current?: unknown;
  keys?: unknown;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;

export class MasterKeysError extends Error {}

/** Parses and checks a key file's text; throws MasterKeysError saying what is wrong (never the keys themselves). */
export function parseMasterKeys(text: string): MasterKeys {
  let parsed: MasterKeysText;
  try {
    parsed = JSON.parse(text) as MasterKeysText;
  } catch {
    throw new MasterKeysError('is not JSON of the form {"current": "<id>", "keys": {"<id>": "<base64>"}}');
  }
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.keys !== 'object' || parsed.keys === null) {
    throw new MasterKeysError('has no "keys" object');
  }
  const keys = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(parsed.keys as Record<string, unknown>)) {
    if (!KEY_ID.test(id)) throw new MasterKeysError(`has a key id "${id}" that is not 1–40 letters, digits, "_" or "-"`);
    const key = typeof value === 'string' ? Buffer.from(value, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) throw new MasterKeysError(`has key "${id}" that is not 32 bytes in base64`);
    keys.set(id, key);
  }
  if (typeof parsed.current !== 'string' || !keys.has(parsed.current)) {
    throw new MasterKeysError('has no "current" naming one of its keys');
  }
  return { current: parsed.current, keys };
}

export function masterKeysText(keys: MasterKeys): string {
  const entries = Object.fromEntries([...keys.keys].map(([id, key]) => [id, key.toString('base64')]));
  return `${JSON.stringify({ current: keys.current, keys: entries }, null, 2)}\n`;
}

/** A key ring with one fresh random key, named by the day it was made. */
export function newMasterKeys(now = new Date()): MasterKeys {
  const id = `k${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
  return { current: id, keys: new Map([[id, randomBytes(32)]]) };
}

/** Rotation, step one: a new current key beside the old ones (step two rewraps what they sealed). */
export function withNewCurrentKey(keys: MasterKeys, now = new Date()): MasterKeys {
  const fresh = newMasterKeys(now);
  return { current: fresh.current, keys: new Map([...keys.keys, ...fresh.keys]) };
}

/** Rotation, last step: drops a key once nothing sealed under it remains. */
export function withoutKey(keys: MasterKeys, id: string): MasterKeys {
  if (id === keys.current) throw new MasterKeysError(`cannot drop "${id}": it is the current key`);
  return { current: keys.current, keys: new Map([...keys.keys].filter(([k]) => k !== id)) };
}
