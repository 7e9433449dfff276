import { FIRST_PERSON, type CaseView, type PersonAppeal } from '@dandang/contracts';

/** The appeals filed on a case, the registered subject's (P1) first, then the other persons'. */
export function appealsOf(detail: Partial<Pick<CaseView, 'appeal' | 'personAppeals'>>): PersonAppeal[] {
  const subject = detail.appeal?.filed ? [{ personId: FIRST_PERSON, filed: detail.appeal.filed, deadline: detail.appeal.deadline, decision: detail.appeal.decision }] : [];
  return [...subject, ...(detail.personAppeals ?? [])];
}
