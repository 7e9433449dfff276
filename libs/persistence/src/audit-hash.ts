import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedAuditContent {
  caseId: string;
  /** Absent for the case's own stream, so events hashed before streams existed still verify. */
  stream?: string;
  version: number;
  action: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  occurredAt: string;
  reason: string | null;
  fromStage: string | null;
  toStage: string;
  payload: Record<string, unknown>;
}

/** Each event's hash covers its content and the previous event's hash: changing any past event breaks the chain. */
export function auditEventHash(prevHash: string, content: HashedAuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}
