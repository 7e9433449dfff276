import type { CaseReviewRef, CaseState } from '@dandang/contracts';

export const openReview = (state: CaseState): CaseReviewRef | undefined => state.reviews?.find((r) => r.status === 'OPEN');

/** A tolerated error must be corrected too (容纠并举): until the body decides on a correction plan, it is open. */
export const correctionToDecide = (state: CaseState): boolean =>
  state.tolerance !== undefined && state.tolerance.outcome !== 'REJECTION' && state.correction === undefined;

/**
 * What still needs doing after (or beside) the decision: an open review, a correction plan to decide or carry out,
 * an appeal window or appeal, a correction the upper level ordered, a name clearing, a follow-up visit, a notice
 * owed to a real-name reporter, a decision to announce, measures to carry out. The case workflow ends only once none
 * is left.
 */
export function openAftercare(state: CaseState): string[] {
  const open: string[] = [];
  if (openReview(state)) open.push('REVIEW');
  if (correctionToDecide(state)) open.push('CORRECTION_PLAN');
  if (state.correction?.items.some((i) => i.status !== 'VERIFIED')) open.push('CORRECTION_ITEMS');
  if (state.stage === 'SERVED' && state.appeal) open.push('APPEAL');
  if (state.correctionOrders?.some((o) => !o.correction)) open.push('CORRECTION_ORDER');
  if (state.nameClearing?.status === 'DUE') open.push('NAME_CLEARING');
  if (state.followUp?.some((v) => !v.record)) open.push('FOLLOW_UP');
  if (state.reporterNotices?.some((n) => !n.record)) open.push('REPORTER_NOTICE');
  if (state.announcement && !state.announcement.announcedAt) open.push('ANNOUNCEMENT');
  if (state.exemptionNotice && !state.exemptionNotice.record) open.push('EXEMPTION_NOTICE');
  if (state.measureExecutions?.some((m) => !m.completedAt)) open.push('MEASURE_EXECUTION');
  return open;
}

/** The case is over: closed, with no aftercare left. */
export const isFinished = (state: CaseState): boolean => state.stage === 'CLOSED' && openAftercare(state).length === 0;
