import {
  DECISION_BODIES,
  type Actor,
  type CaseState,
  type CollectiveDecisionRecord,
  type DecisionBody,
  type PersonDecision,
  type PersonFinding,
} from '@dandang/contracts';
import type { PayloadCheck, Refusal } from './action-handlers';
import { conflict, invalidInput, type FieldProblem } from '../errors';
import { checkFindingGrounds, checkFindings, listField } from './findings';
import { concernedUserIds } from '../access/participants';
import { decisionPolicyOf, decisionRuleOf } from './decision-rules';
import { notInFuture } from './action-times';
import { openReview } from '../aftercare/open-aftercare';
import { isLighter } from '../fault-tolerance/severity';

/**
 * 集体研究决定 (问责条例 art. 3 集体决定、分清责任; 监督执纪工作规则): each form is decided by the body the policy names for
 * it, at a meeting where more than the policy's share of its members are present, by more than its share of them.
 * A meeting records its members' votes and dissent; a vote that does not carry leaves the matter to another meeting.
 * A meeting may decide otherwise than proposed, but only on the forms it decides.
 */

/** What is under deliberation before any meeting: the trial's findings when it varied them, else the report's. */
function proposedFindings(state: CaseState): PersonFinding[] {
  return state.trial?.opinion?.opinion === 'VARY' ? state.trial.opinion.findings : (state.report?.findings ?? []);
}

/** The bodies that decide a person's finding (the body of a finding without forms when it has none). */
export function bodiesOfFinding(state: CaseState, finding: PersonFinding): DecisionBody[] {
  const policy = decisionPolicyOf(state);
  const forms = finding.forms.length ? finding.forms : [undefined];
  return [...new Set(forms.map((f) => decisionRuleOf(policy, f).body))];
}

/** The findings as the carried meetings so far have decided them, and the bodies that decided. */
export function deliberatedFindings(state: CaseState): { findings: PersonFinding[]; decidedBy: Set<DecisionBody> } {
  let findings = proposedFindings(state);
  const decidedBy = new Set<DecisionBody>();
  for (const meeting of state.collectiveDecisions ?? []) {
    if (!meeting.carried) continue;
    if (meeting.findings) findings = mergeBodyFindings(state, findings, meeting.findings, meeting.body);
    decidedBy.add(meeting.body);
  }
  return { findings, decidedBy };
}

/** The bodies still to decide some form of some person. */
export function bodiesToDecide(state: CaseState): DecisionBody[] {
  const { findings, decidedBy } = deliberatedFindings(state);
  const all = new Set(findings.flatMap((f) => bodiesOfFinding(state, f)));
  return [...all].filter((b) => !decidedBy.has(b));
}

/** A meeting's own findings replace the forms its body decides, and the responsibility and leniency it set. */
function mergeBodyFindings(state: CaseState, current: readonly PersonFinding[], decided: readonly PersonFinding[], body: DecisionBody): PersonFinding[] {
  const policy = decisionPolicyOf(state);
  return current.map((f) => {
    const mine = decided.find((d) => d.personId === f.personId);
    if (!mine) return f;
    const others = f.forms.filter((form) => decisionRuleOf(policy, form).body !== body);
    return { ...mine, forms: [...others, ...mine.forms] };
  });
}

export const noOpenReview = (state: CaseState): Refusal | undefined =>
  openReview(state) ? () => conflict('REVIEW_OPEN', '容错审查尚未结束，不能作出决定 (a fault-tolerance review is open: no decision yet)') : undefined;

/** Members who may not vote on the case: the persons concerned always, and whom the policy excludes. */
function excludedMembers(state: CaseState): Map<string, string> {
  const excluded = new Map<string, string>();
  const add = (ids: readonly (string | undefined)[], why: string) => ids.forEach((id) => id && !excluded.has(id) && excluded.set(id, why));
  add(concernedUserIds(state), 'a person concerned by the case');
  for (const rule of decisionPolicyOf(state).collective.mayNotVote) {
    if (rule === 'RECUSED') add(state.recusedUserIds, 'recused from the case (回避)');
    if (rule === 'INVESTIGATORS') add(state.investigatorIds, 'took part in the investigation');
    if (rule === 'TRIAL_REVIEWERS') add([state.trial?.reviewerId], 'reviewed the case (审理)');
  }
  return excluded;
}

export const checkCollectiveDecision: PayloadCheck<'recordCollectiveDecision'> = (state, p, { now }) => {
  notInFuture(p.meetingAt, 'meetingAt', now);
  const pending = bodiesToDecide(state);
  if (!pending.includes(p.body)) {
    throw invalidInput([{ field: 'body', message: `has nothing to decide on this case (still to decide: ${pending.map((b) => DECISION_BODIES[b].zh).join('、') || 'none'})` }]);
  }
  const problems: FieldProblem[] = [];
  const excluded = excludedMembers(state);
  const seen = new Set<string>();
  p.votes.forEach((v, i) => {
    if (seen.has(v.memberId)) problems.push({ field: `votes[${i}].memberId`, message: 'votes once' });
    seen.add(v.memberId);
    const why = excluded.get(v.memberId);
    if (why) problems.push({ field: `votes[${i}].memberId`, message: `may not vote: ${why}` });
    if (v.vote === 'AGAINST' && !v.opinion?.trim()) problems.push({ field: `votes[${i}].opinion`, message: 'is required with AGAINST: the dissent is recorded' });
  });
  if (p.votes.length > p.memberCount) problems.push({ field: 'memberCount', message: 'must be at least the number of members who voted' });
  const { presentMoreThan } = decisionPolicyOf(state).collective;
  if (p.votes.length <= presentMoreThan * p.memberCount) {
    problems.push({ field: 'votes', message: `more than ${Math.floor(presentMoreThan * p.memberCount)} of ${p.memberCount} members must be present and vote (no quorum)` });
  }
  if (problems.length) throw invalidInput(problems);
  if (p.findings) checkMeetingFindings(state, p.findings, p.body);
  checkMitigation(state, p.findings, p.body);
};

/**
 * A fault-tolerance mitigation (减责) of the registered subject binds the body that decides their forms: it decides
 * forms lighter than those proposed (as the single approval did before the two procedures).
 */
function checkMitigation(state: CaseState, decided: readonly PersonFinding[] | undefined, body: DecisionBody): void {
  if (state.tolerance?.outcome !== 'MITIGATION') return;
  const first = proposedFindings(state)[0];
  if (!first?.forms.length || !bodiesOfFinding(state, first).includes(body)) return;
  if (!decided?.some((f) => f.personId === first.personId)) {
    throw invalidInput([{ field: 'findings', message: `are required: a fault-tolerance mitigation (减责) applies to ${first.personId}, decide lighter forms` }]);
  }
  const merged = mergeBodyFindings(state, deliberatedFindings(state).findings, decided, body).find((f) => f.personId === first.personId)!;
  if (!isLighter(merged.forms, first.forms)) {
    throw conflict('NOT_LIGHTER', '减责须决定较原拟处理方式更轻的方式 (a mitigation requires forms lighter than those proposed)');
  }
}

/** A meeting's own findings: for every person, with only forms its body decides, and none that skip a required 审理. */
function checkMeetingFindings(state: CaseState, findings: readonly PersonFinding[], body: DecisionBody): void {
  const field = listField('findings');
  const policy = decisionPolicyOf(state);
  findings.forEach((f, i) => {
    const foreign = f.forms.filter((form) => decisionRuleOf(policy, form).body !== body);
    if (foreign.length) {
      throw invalidInput([{ field: field(i, 'forms'), message: `${foreign.map((x) => x.form).join(', ')} are not decided by ${DECISION_BODIES[body].zh}` }]);
    }
    if (!state.trial?.opinion && f.forms.some((form) => decisionRuleOf(policy, form).trial)) {
      throw invalidInput([{ field: field(i, 'forms'), message: 'a form that goes through 审理 cannot be decided without it' }]);
    }
  });
  const merged = mergeBodyFindings(state, deliberatedFindings(state).findings, findings, body);
  checkFindings(state, merged, field);
  checkFindingGrounds(findings, field);
}

/** The meeting's record, and each person's decision once it was the last body to decide. */
export function recordMeeting(
  s: CaseState,
  p: Parameters<PayloadCheck<'recordCollectiveDecision'>>[1],
  actor: Actor,
  at: string,
): { decisions?: PersonDecision[] } {
  const forCount = p.votes.filter((v) => v.vote === 'FOR').length;
  const carried = forCount > decisionPolicyOf(s).collective.agreeMoreThan * p.memberCount;
  const record: CollectiveDecisionRecord = {
    body: p.body,
    meetingAt: new Date(p.meetingAt).toISOString(),
    memberCount: p.memberCount,
    votes: p.votes.map((v) => ({ memberId: v.memberId, vote: v.vote, ...(v.opinion?.trim() ? { opinion: v.opinion.trim() } : {}) })),
    carried,
    ...(p.findings ? { findings: p.findings } : {}),
    minutes: p.minutes,
    recordedBy: actor.userId,
  };
  s.collectiveDecisions = [...(s.collectiveDecisions ?? []), record];
  if (!carried || bodiesToDecide(s).length > 0) return {};
  const { findings } = deliberatedFindings(s);
  return { decisions: findings.map((f) => ({ ...f, decidedAt: at, bodies: bodiesOfFinding(s, f) })) };
}
