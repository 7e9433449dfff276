import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { KeyRing, SealError, decrypt, encrypt } from './key-ring';
import type { MasterKeys } from './master-keys';

/** The `encoding` of a sealed payload, as in Temporal's encryption samples (the Web UI shows it as such). */
export const SEALED_PAYLOAD_ENCODING = 'binary/encrypted';
/** Metadata naming the master key the payload key was derived from, so payloads sealed before a rotation still open. */
export const PAYLOAD_KEY_ID = 'encryption-key-id';
/** The HKDF purpose of the payload key: a key of its own, so a payload key says nothing about the other keys. */
export const PAYLOAD_KEY_PURPOSE = 'temporal-payloads';
/** Associated data: a payload sealed here opens only as a Temporal payload, never as some other sealed value. */
const PAYLOAD_CONTEXT = 'temporal-payload';

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const text = (bytes: Uint8Array | null | undefined): string | undefined => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

/**
 * Seals every payload Temporal stores (workflow inputs and results, Update and Query arguments and answers, activity
 * inputs and results) with AES-256-GCM under a key derived from the current master key: Temporal's database and Web
 * UI see ciphertext only. The whole payload (its metadata too) is sealed, so its encoding tells nothing either.
 * A payload not sealed here (histories from before the codec) passes decode unchanged and still replays.
 */
export class SealedPayloadCodec implements PayloadCodec {
  private readonly ring: KeyRing;
  private readonly keys = new Map<string, Buffer>();

  constructor(masterKeys: MasterKeys | KeyRing) {
    this.ring = masterKeys instanceof KeyRing ? masterKeys : new KeyRing(masterKeys);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.ring.currentKeyId;
    const key = this.keyFor(keyId);
    return payloads.map((payload) => ({
      metadata: { encoding: utf8(SEALED_PAYLOAD_ENCODING), [PAYLOAD_KEY_ID]: utf8(keyId) },
      data: encrypt(key, Buffer.from(temporal.api.common.v1.Payload.encode(payload).finish()), PAYLOAD_CONTEXT),
    }));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.['encoding']) !== SEALED_PAYLOAD_ENCODING) return payload;
      const keyId = text(payload.metadata?.[PAYLOAD_KEY_ID]);
      if (!keyId) throw new SealError('sealed payload names no key id');
      if (!payload.data) throw new SealError('sealed payload has no data');
      const opened = decrypt(this.keyFor(keyId), Buffer.from(payload.data), PAYLOAD_CONTEXT);
      return temporal.api.common.v1.Payload.decode(opened) as Payload;
    });
  }

  /** HKDF once per key id: the codec runs for every payload of every task. */
  private keyFor(keyId: string): Buffer {
    let key = this.keys.get(keyId);
    if (!key) {
      key = this.ring.derivedKey(PAYLOAD_KEY_PURPOSE, keyId);
      this.keys.set(keyId, key);
    }
    return key;
  }
}

/** The failure converter that moves messages and stack traces into a (sealed) payload; workflow bundles take it too. */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/** The data converter of every Temporal client and worker Dandang runs: payloads and failure texts sealed. */
export function sealedDataConverter(masterKeys: MasterKeys | KeyRing): DataConverter {
  return { payloadCodecs: [new SealedPayloadCodec(masterKeys)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
