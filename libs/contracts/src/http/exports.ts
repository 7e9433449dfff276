import type { Role } from '../roles';

/** One event of an exported audit chain: its place in the chain, who, what, when, and both hashes. */
export interface AuditTrailExportEvent {
  stream: string;
  version: number;
  action: string;
  actorId: string;
  actorName: string;
  actorRole: Role | 'SYSTEM';
  occurredAt: string;
  fromStage: string | null;
  toStage: string;
  /** The payload's chosen values (enums, ids, times, numbers), as the auditor's timeline shows them. */
  payload: Record<string, unknown>;
  /** What was written (a reason, free-text fields) and is left out: the hashes cover it, the export does not. */
  withheld: string[];
  prevHash: string;
  hash: string;
}

/**
 * `GET /api/cases/:id/audit/export?format=json`: a case's hash-chained audit trail as an auditor reads it, with the
 * server's verification of the whole chain at the time of the export. Each event's prevHash is the hash of the one
 * before in its stream, so the links can be checked from the file alone; the content hashes need the withheld text.
 */
export interface AuditTrailExport {
  caseId: string;
  number: string;
  exportedAt: string;
  exportedBy: string;
  verification: { valid: boolean; events: number; brokenAt?: { version: number; problem: string; stream?: string } };
  events: AuditTrailExportEvent[];
}
