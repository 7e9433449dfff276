import type { ActionName, CaseEvent, SecurityEventKind } from '@dandang/contracts';
import type { SecurityEventRecord } from '../security-events/security-event-log.service';

const KINDS: Partial<Record<ActionName, SecurityEventKind>> = {
  requestReporterIdentity: 'REPORTER_IDENTITY_REQUESTED',
  approveReporterIdentity: 'REPORTER_IDENTITY_APPROVED',
};

/**
 * The security event a reveal step makes, beside the case's own audit trail: who asked or approved, on which case and
 * request. No reason (what officers wrote stays with the case) and never the identity.
 */
export function revealStepEvent(action: ActionName, event: CaseEvent): Omit<SecurityEventRecord, 'actor'> | undefined {
  const kind = KINDS[action];
  if (!kind) return undefined;
  const seq = action === 'requestReporterIdentity' ? undefined : (event.payload as { seq?: number }).seq;
  return { kind, subject: event.caseId, details: { caseVersion: event.version, ...(seq ? { request: seq } : {}) } };
}
