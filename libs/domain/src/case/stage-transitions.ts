import type { Stage } from '@dandang/contracts';

/** The legal stage moves of a case (issue #2 §2). Every stage change goes through `assertTransition`. */
export const STAGE_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  INTAKE: ['DISPOSITION', 'CLOSED'],
  DISPOSITION: ['INQUIRY', 'VERIFICATION', 'SHELVED', 'CLOSED'],
  INQUIRY: ['CLOSED', 'VERIFICATION'],
  VERIFICATION: ['INVESTIGATION', 'SHELVED', 'CLOSED'],
  // An exemption (容错免责) closes a case under investigation; a case with a procedure goes to 审理 or the collective
  // decision once its report is approved, and 审理 may return it for further investigation.
  INVESTIGATION: ['DECIDED', 'CLOSED', 'TRIAL', 'DELIBERATION'],
  TRIAL: ['DELIBERATION', 'INVESTIGATION', 'CLOSED'],
  DELIBERATION: ['DECIDED', 'CLOSED'],
  DECIDED: ['SERVED'],
  // The appeal window closes, or the appeal is decided.
  SERVED: ['CLOSED'],
  // A shelved clue is reviewed periodically: reopened for disposition, or closed.
  SHELVED: ['DISPOSITION', 'CLOSED'],
  CLOSED: [],
};

export function canTransition(from: Stage, to: Stage): boolean {
  return from === to || STAGE_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: Stage, to: Stage): void {
  if (!canTransition(from, to)) {
    // A programming error, not a user refusal: the rules below never ask for an illegal move.
    throw new Error(`illegal stage transition ${from} -> ${to}`);
  }
}
