import { randomBytes, randomUUID } from 'node:crypto';
import { checkpointSignature, decodeHeads, encodeHeads, signatureMatches, type ChainHead, type CheckpointContent } from './audit-checkpoint';

const aHead = (overrides: Partial<ChainHead> = {}): ChainHead => ({
  caseId: randomUUID(),
  stream: 'case',
  version: 7,
  hash: randomBytes(32).toString('hex'),
  ...overrides,
});

describe('checkpoint heads and signatures', () => {
  it('encodes heads compactly and decodes them sorted by case and stream', () => {
    const caseId = randomUUID();
    const heads = [aHead({ caseId, stream: 'review-2', version: 3 }), aHead(), aHead({ caseId }), aHead({ version: 4_000_000_000 })];
    const bytes = encodeHeads(heads);
    expect(bytes.length).toBeLessThan(60 * heads.length);
    const sorted = [...heads].sort((a, b) => (a.caseId + a.stream < b.caseId + b.stream ? -1 : 1));
    expect(decodeHeads(bytes)).toEqual(sorted);
  });

  it('refuses a signature made with another key or over altered content', () => {
    const key = randomBytes(32);
    const content: CheckpointContent = {
      id: 1, createdAt: '2026-05-06T01:00:00.000Z', keyId: 'k1', baseId: null, streams: 1,
      stateDigest: 'a'.repeat(64), headsDigest: 'a'.repeat(64), securityEvents: { seq: 4, hash: 'b'.repeat(64) },
    };
    const signature = checkpointSignature(key, content);
    expect(signatureMatches(key, content, signature)).toBe(true);
    expect(signatureMatches(randomBytes(32), content, signature)).toBe(false);
    expect(signatureMatches(key, { ...content, streams: 2 }, signature)).toBe(false);
    expect(signatureMatches(key, { ...content, securityEvents: null }, signature)).toBe(false);
    expect(signatureMatches(key, content, 'not hex')).toBe(false);
  });
});
