import type { CaseState } from '@dandang/contracts';
import type { PayloadCheck } from './action-handlers';
import { invalidInput } from '../errors';
import { assertAssignable } from '../access/participants';

/**
 * 问责调查 / 审查调查 is made by a team of at least two (问责条例 art. 10; 监督执纪工作规则): the supervisor approving the
 * filing names the officers who investigate with the assigned one. Cases filed before the two procedures name none.
 */
export function approvesFiling(state: CaseState): boolean {
  const pending = state.pendingApproval;
  return (
    pending?.kind === 'VERIFICATION_REPORT' &&
    (pending.finding === 'PROPOSE_CASE_FILING' || pending.finding === 'PROPOSE_ACCOUNTABILITY') &&
    state.policy.decisionPolicy !== undefined
  );
}

export const checkInquiryTeam: PayloadCheck<'approve'> = (state, p) => {
  if (!approvesFiling(state)) {
    if (p.investigationTeam !== undefined) throw invalidInput([{ field: 'investigationTeam', message: 'is named only when approving a case filing' }]);
    return;
  }
  const members = (p.investigationTeam ?? []).filter((id) => id !== state.assigneeId);
  if (members.length === 0) {
    throw invalidInput([
      { field: 'investigationTeam', message: 'must name at least one officer besides the assigned one: an inquiry team has at least two (问责条例 art. 10)' },
    ]);
  }
  (p.investigationTeam ?? []).forEach((id, i) => assertAssignable(state, id, `investigationTeam[${i}]`));
};

/** The team formed: the assigned officer first; every member investigates (never approves, reviews or decides an appeal). */
export function formInquiryTeam(s: CaseState, named: readonly string[]): void {
  const team = [...new Set([...(s.assigneeId ? [s.assigneeId] : []), ...named])];
  s.investigationTeam = team;
  for (const id of team) if (!s.investigatorIds.includes(id)) s.investigatorIds.push(id);
}
