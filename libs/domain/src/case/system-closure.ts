import type { CaseState, ClosureKind } from '@dandang/contracts';
import { assertTransition } from './stage-transitions';
import type { ClockContext } from '../deadlines/duration';
import { oweReporterNotice } from '../reporter-identity/reporter-notices';

/**
 * The case closes on its own (an exemption, the appeal's end), not by an officer's action: `next` (a copy of the case
 * before it, changed in place) enters CLOSED with its closure, and the result is owed to a real-name reporter, as when
 * an action closes a case.
 */
export function closeBySystem(next: CaseState, kind: ClosureKind, at: string, clock: ClockContext | undefined): void {
  assertTransition(next.stage, 'CLOSED');
  next.stage = 'CLOSED';
  next.stageEnteredAt = at;
  next.closure = { kind, at };
  oweReporterNotice(next, 'RESULT', at, clock);
}
