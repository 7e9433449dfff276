import type { AccountabilityFormChoice, AppealRecord, CaseState, PersonAppeal } from '@dandang/contracts';
import { FIRST_PERSON } from '../case/persons';

/** One person's appeal (申诉): the registered subject's is the case's `appeal`, the others' are `personAppeals`. */
export interface AppealOfPerson {
  personId: string;
  filed?: AppealRecord['filed'];
  deadline?: AppealRecord['deadline'];
  decision?: AppealRecord['decision'];
}

/** Whose appeal an action concerns: the person it names, or the registered subject. */
export const appellantOf = (payload: { personId?: string }): string => payload.personId ?? FIRST_PERSON;

/**
 * Who may appeal (问责条例 art. 22: 被问责党组织、党员干部): each person or organisation the decision concerns, or
 * the registered subject of a case decided before the persons' decisions.
 */
export function appellants(s: CaseState): string[] {
  return s.personDecisions?.length ? s.personDecisions.map((d) => d.personId) : [FIRST_PERSON];
}

/** The appeal of `personId`, filed or not (the subject's holds the window even before it is filed). */
export function appealOf(s: CaseState, personId: string): AppealOfPerson | undefined {
  if (personId === FIRST_PERSON) return s.appeal ? { personId, ...s.appeal } : undefined;
  return s.personAppeals?.find((a) => a.personId === personId);
}

/** Every appeal filed, the subject's first: of the case's state, or of a view of it that shows its appeals. */
export function filedAppeals(s: { appeal?: AppealRecord | null; personAppeals?: readonly PersonAppeal[] }): PersonAppeal[] {
  const subject = s.appeal?.filed ? [{ personId: FIRST_PERSON, filed: s.appeal.filed, deadline: s.appeal.deadline, decision: s.appeal.decision }] : [];
  return [...subject, ...(s.personAppeals ?? [])];
}

/** Whether an appeal filed waits for the deciding body's decision. */
export const appealUndecided = (s: CaseState): boolean => filedAppeals(s).some((a) => !a.decision);

/** The forms the decision gives `personId` now: what their appeal may only lighten. */
export function decidedFormsOf(s: CaseState, personId: string): readonly AccountabilityFormChoice[] {
  if (personId === FIRST_PERSON) return s.decision?.forms ?? [];
  return s.personDecisions?.find((d) => d.personId === personId)?.forms ?? [];
}

/**
 * When a served case closes on its own, and why: never while an appeal waits for its decision; once everyone who may
 * appeal has and each appeal is decided, at the last decision; otherwise when the window ends (or at the last
 * decision, if later). A case with the subject alone: the window's end without an appeal, or the appeal's decision.
 */
export function closureAfterService(s: CaseState): { at: string; reason: 'APPEAL_WINDOW_CLOSED' | 'APPEAL_DECIDED' } | undefined {
  if (!s.appeal) return undefined;
  const filed = filedAppeals(s);
  if (filed.some((a) => !a.decision)) return undefined;
  const decidedAt = filed.map((a) => a.decision!.at).sort((a, b) => Date.parse(a) - Date.parse(b));
  const lastDecision = decidedAt.at(-1);
  if (appellants(s).every((id) => filed.some((a) => a.personId === id))) return { at: lastDecision!, reason: 'APPEAL_DECIDED' };
  const at = lastDecision && Date.parse(lastDecision) > Date.parse(s.appeal.windowEndsAt) ? lastDecision : s.appeal.windowEndsAt;
  return { at, reason: lastDecision ? 'APPEAL_DECIDED' : 'APPEAL_WINDOW_CLOSED' };
}
