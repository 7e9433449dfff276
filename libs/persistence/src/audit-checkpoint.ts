import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './audit-hash';

/** The last event of one audit stream: a case's own (`case`) or one of its reviews' (`review-<n>`). */
export interface ChainHead {
  caseId: string;
  stream: string;
  version: number;
  hash: string;
}

/** The last event of the security-event log. */
export interface SecurityLogHead {
  seq: number;
  hash: string;
}

/**
 * What a checkpoint's signature covers. A full checkpoint stores every head; a delta stores the heads that advanced
 * since its base (the checkpoint before it), so hourly checkpoints of 100,000 quiet cases stay small. Either way
 * `stateDigest` is the digest of every head as attested then, so each checkpoint vouches for the whole state.
 */
export interface CheckpointContent {
  id: number;
  createdAt: string;
  keyId: string;
  /** The checkpoint this delta builds on; null for a full checkpoint. */
  baseId: number | null;
  /** How many streams the attested state holds. */
  streams: number;
  /** SHA-256 of the encoded heads of the whole attested state. */
  stateDigest: string;
  /** SHA-256 of the heads stored with this checkpoint (all of them, or those that advanced). */
  headsDigest: string;
  /** The security-event log's head; null while that log is empty or absent. */
  securityEvents: SecurityLogHead | null;
}

/** The purpose a checkpoint's HMAC key is derived for (KeyRing.derivedKey). */
export const CHECKPOINT_KEY_PURPOSE = 'audit-checkpoints';
const SIGNATURE_DOMAIN = 'dandang-audit-checkpoint-v1\n';

export const headKey = (h: Pick<ChainHead, 'caseId' | 'stream'>): string => `${h.caseId}/${h.stream}`;

function compareHeads(a: ChainHead, b: ChainHead): number {
  if (a.caseId !== b.caseId) return a.caseId < b.caseId ? -1 : 1;
  return a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0;
}

/**
 * Binary, sorted by case and stream: 16 bytes of case id, the stream's name (a length byte, then UTF-8), the version
 * (uint32) and the hash (32 bytes): some 58 bytes a head, against 140 as JSON.
 */
export function encodeHeads(heads: Iterable<ChainHead>): Buffer {
  const parts: Buffer[] = [];
  for (const h of [...heads].sort(compareHeads)) {
    const stream = Buffer.from(h.stream, 'utf8');
    if (stream.length > 255) throw new Error(`stream name "${h.stream}" is too long for a checkpoint`);
    const b = Buffer.alloc(16 + 1 + stream.length + 4 + 32);
    Buffer.from(h.caseId.replace(/-/g, ''), 'hex').copy(b, 0);
    b.writeUInt8(stream.length, 16);
    stream.copy(b, 17);
    b.writeUInt32BE(h.version, 17 + stream.length);
    Buffer.from(h.hash, 'hex').copy(b, 21 + stream.length);
    parts.push(b);
  }
  return Buffer.concat(parts);
}

export function decodeHeads(bytes: Buffer): ChainHead[] {
  const heads: ChainHead[] = [];
  for (let o = 0; o < bytes.length; ) {
    const id = bytes.subarray(o, o + 16).toString('hex');
    const length = bytes.readUInt8(o + 16);
    const stream = bytes.subarray(o + 17, o + 17 + length).toString('utf8');
    const version = bytes.readUInt32BE(o + 17 + length);
    const hash = bytes.subarray(o + 21 + length, o + 53 + length).toString('hex');
    if (hash.length !== 64) throw new Error('the checkpoint heads are truncated');
    heads.push({ caseId: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`, stream, version, hash });
    o += 53 + length;
  }
  return heads;
}

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** The exact text a checkpoint's HMAC is computed over (exported with it, so an auditor holding the key can check it). */
export function signedText(content: CheckpointContent): string {
  return SIGNATURE_DOMAIN + canonicalJson(content);
}

export function checkpointSignature(key: Buffer, content: CheckpointContent): string {
  return createHmac('sha256', key).update(signedText(content)).digest('hex');
}

export function signatureMatches(key: Buffer, content: CheckpointContent, signature: string): boolean {
  const expected = Buffer.from(checkpointSignature(key, content), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
