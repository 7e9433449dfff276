import type { SecurityEventKind } from '../security-events';

/** An entry of `GET /api/audit/security-events`. Never carries a password, a token or a reporter's identity. */
export interface SecurityEvent {
  /** Position in the log's one hash chain, from 1 with no gaps. */
  seq: number;
  kind: SecurityEventKind;
  occurredAt: string;
  /** The signed-in user, or null where nobody is (a failed sign-in). */
  actorId: string | null;
  /** The username as given (for a failed sign-in, whatever was typed) or the actor's. */
  actorName: string;
  /** What the event is about: a user, a case, a policy or calendar version. */
  subject: string | null;
  reason: string | null;
  /** The client's address, where the event came from a request. */
  address: string | null;
  details: Record<string, unknown>;
  hash: string;
}

/** `GET /api/audit/security-events`: newest first, a page at a time. */
export interface SecurityEventPage {
  items: SecurityEvent[];
  total: number;
  page: number;
  pageSize: number;
}

/** `GET /api/audit/security-events/verify`: the log's hash chain checked from the first event to the last. */
export interface SecurityEventChainVerification {
  valid: boolean;
  events: number;
  /** The first event whose stored hash, link or position does not match, with why. */
  brokenAt?: { seq: number; problem: string };
}
