import type { Actor, CaseState, PersonFinding } from '@dandang/contracts';
import type { Evolve, PayloadCheck, Refusal } from './action-handlers';
import { conflict, forbidden, invalidInput } from '../errors';
import { startStageClock } from '../deadlines/stage-clock';
import { checkFindingGrounds, checkFindings, listField } from './findings';
import { decisionPolicyOf, decisionRuleOf } from './decision-rules';

/**
 * 审理 (监督执纪工作规则 arts. 54–55): the file of a discipline case, or of any case proposing a form the policy sends
 * through 审理 (党纪处分, 政务处分), is reviewed by the case review department (案件审理室), by people who took no part
 * in the investigation (审查调查与审理分离), within its stage clock (1 month from acceptance).
 */

/** Whether the approved report goes to 审理 before the collective decision. */
export function needsTrial(state: CaseState, findings: readonly PersonFinding[]): boolean {
  const policy = decisionPolicyOf(state);
  return state.procedure === 'DISCIPLINE' || findings.some((f) => f.forms.some((form) => decisionRuleOf(policy, form).trial));
}

export const trialNotAccepted = (state: CaseState): Refusal | undefined =>
  state.trial?.reviewerId ? () => conflict('TRIAL_ACCEPTED', '审理已受理 (the trial review was accepted already)') : undefined;

export const trialAccepted = (state: CaseState): Refusal | undefined =>
  state.trial?.reviewerId ? undefined : () => conflict('TRIAL_NOT_ACCEPTED', '审理尚未受理 (accept the case for trial review first)');

/**
 * 审查调查与审理分离: 审理 is for the case review department (the TRIAL_OFFICER role, by the action's rule), and of it
 * nobody who investigated the case or proposed or approved its report.
 */
export function checkTrialReviewer(state: CaseState, actor: Actor): void {
  if (state.investigatorIds.includes(actor.userId) || state.report?.approvedBy === actor.userId || state.report?.proposedBy === actor.userId) {
    throw forbidden('INVESTIGATOR_CANNOT_REVIEW', '参与审查调查的人员不得参与审理 (whoever took part in the investigation cannot review it)');
  }
}

export function checkTrialOpinionAuthor(state: CaseState, actor: Actor): void {
  if (state.trial?.reviewerId !== actor.userId) {
    throw forbidden('NOT_TRIAL_REVIEWER', '审理意见由受理审理的人员提出 (the trial opinion is for the reviewer who accepted the case)');
  }
}

export const checkTrialOpinion: PayloadCheck<'recordTrialOpinion'> = (state, p) => {
  if (p.opinion === 'VARY') {
    if (!p.findings) throw invalidInput([{ field: 'findings', message: 'are required when the trial proposes other handling (VARY)' }]);
    checkFindings(state, p.findings, listField('findings'));
    checkFindingGrounds(p.findings, listField('findings'));
  } else if (p.findings) {
    throw invalidInput([{ field: 'findings', message: 'are given only when the trial proposes other handling (VARY)' }]);
  }
};

export const acceptForTrial: Evolve<'acceptForTrial'> = (s, p, { actor, at, clock }) => {
  s.trial = { ...s.trial!, reviewerId: actor.userId, acceptedAt: at };
  // The month of 审理 runs from its acceptance.
  s.deadline = clock ? startStageClock(s, 'TRIAL', new Date(at), clock) : s.deadline;
  return p.note;
};

/** The opinion recorded; where it leads (the collective decision, or back to investigation) is the caller's move. */
export const recordTrialOpinion: Evolve<'recordTrialOpinion'> = (s, p, { at }) => {
  const findings = p.opinion === 'VARY' ? p.findings! : p.opinion === 'AGREE' ? s.report!.findings : [];
  s.trial = { ...s.trial!, opinion: { opinion: p.opinion, findings, reason: p.reason, at } };
  return p.reason;
};
