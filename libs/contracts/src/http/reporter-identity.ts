import type { RevealRequestStatus, ReporterRevealRequest } from '../reporter-identity';
import type { Label } from '../labels';
import type { Stage } from '../stages';

/** A request to see the reporter's identity as an API answer shows it: EXPIRED once an approval's time is over. */
export type RevealRequestView = Omit<ReporterRevealRequest, 'status'> & { status: RevealRequestStatus | 'EXPIRED' };

/** 检举控告人 in a case view: whether the report is a real-name one, and the viewer's part in a reveal; never the identity. */
export interface ReporterView {
  anonymous: boolean;
  /** The viewer's latest request to see the identity, or null. */
  myRequest: RevealRequestView | null;
  /** Requests waiting for the viewer's decision, when the viewer is a custodian (保密责任人); never their own. */
  awaitingMe: RevealRequestView[];
}

/** `GET /api/cases/:id/reporter`: the identity, to the officer whose request was approved, while it is in force. Each answer is recorded. */
export interface RevealedReporter {
  caseId: string;
  number: string;
  name: string | null;
  contact: string | null;
  /** The approved request this showing is under, and until when it lets its officer see the identity. */
  seq: number;
  expiresAt: string;
  revealedAt: string;
}

/** `GET /api/reporter-reveals`: a request waiting for the caller's decision, on a case they see. */
export interface PendingReveal {
  caseId: string;
  number: string;
  title: string;
  stage: Stage;
  stageLabel: Label;
  request: RevealRequestView;
}
