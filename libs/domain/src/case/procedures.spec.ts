import type { ActionName, ActionPayloads, Actor, PersonFinding } from '@dandang/contracts';
import {
  aCaseAt,
  aCaseOfficer,
  aPayload,
  aRequest,
  aSupervisor,
  andThenAdmitted,
  aUuid,
  minutesAfter,
  refusalOf,
  SINGLE_PATH_POLICY,
  aTrialOfficer,
  INQUIRY_TEAM_MEMBER,
  type DrivenCase,
} from '@dandang/testing/factories';
import { checkAction } from './check-action';
import { DomainErrorCode } from '../errors';
import { CHINA_CALENDAR_2025_2026 } from '../calendar/china-calendar-data';
import { openAftercare } from '../aftercare/open-aftercare';
import { runningStepClocks } from '../aftercare/step-clocks';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { bodiesToDecide } from './collective-decision';
import { decisionPolicyProblems } from '../policy/decision-policy';
import { staffCaseView } from '../access/visibility';

/** The two procedures after verification (docs/domain.md "Two procedures"), step by step, as the domain checks them. */

const clock = { calendar: CHINA_CALENDAR_2025_2026 };
const act = <A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A]) => andThenAdmitted(c, action, actor, payload, clock);
const refusal = <A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A]) =>
  refusalOf(() => checkAction(c.state, action, aRequest(actor, payload), minutesAfter(c.at, 60)));
const later = (c: DrivenCase, minutes = 30) => minutesAfter(c.at, minutes).toISOString();
const officer = (c: DrivenCase) => c.cast.caseOfficer;

/** Filed with `finding`, evidence added: what every test starts from. */
function filed(finding: 'PROPOSE_ACCOUNTABILITY' | 'PROPOSE_CASE_FILING'): DrivenCase {
  const c = aCaseAt('VERIFICATION');
  const reported = act(c, 'submitVerificationReport', officer(c), { finding, summary: '初核查明存在不作为问题' });
  const investigating = act(reported, 'approve', c.cast.supervisor, { comment: '同意', investigationTeam: [aUuid()] });
  return act(investigating, 'addEvidence', officer(c), aPayload('addEvidence'));
}

const heard = (c: DrivenCase, personId: string): DrivenCase => {
  const shown = act(c, 'presentFactMaterials', officer(c), { personId, presentedAt: later(c) });
  return act(shown, 'recordStatement', officer(c), { personId, receivedAt: later(shown), summary: '对事实无异议', signature: 'SIGNED' });
};

const finding = (personId: string, ...forms: PersonFinding['forms']): PersonFinding => ({ personId, responsibilityLevel: 'DIRECT', forms, leniency: 'NORMAL' });

/** An accountability inquiry into a leading group's head (P1), a member in charge (P2) and the group itself (P3). */
function leadingGroupCase(): DrivenCase {
  let c = filed('PROPOSE_ACCOUNTABILITY');
  c = act(c, 'addPersonConcerned', officer(c), aPayload('addPersonConcerned', { userId: aUuid() }));
  c = act(c, 'addPersonConcerned', officer(c), { kind: 'ORGANISATION', name: '某局党组', position: '领导班子', orgUnitId: c.state.registration.orgUnitId, reason: '党组履行主体责任不力' });
  for (const personId of ['P1', 'P2', 'P3']) c = heard(c, personId);
  return c;
}

const meeting = (c: DrivenCase, changes: Partial<ActionPayloads['recordCollectiveDecision']> = {}): ActionPayloads['recordCollectiveDecision'] => ({
  ...aPayload('recordCollectiveDecision', { meetingAt: later(c) }),
  ...changes,
});

describe('filing chooses the procedure', () => {
  it.each([
    ['PROPOSE_ACCOUNTABILITY', 'ACCOUNTABILITY', '问责调查', '被问责人'],
    ['PROPOSE_CASE_FILING', 'DISCIPLINE', '立案审查调查', '被审查调查人'],
  ] as const)('%s files a case of the %s procedure (%s, its official called %s), the registered subject its first person', (finding, procedure, stageLabel, term) => {
    const { state } = filed(finding);
    expect(state).toMatchObject({ stage: 'INVESTIGATION', procedure, persons: [{ personId: 'P1', kind: 'INDIVIDUAL', name: state.registration.subject.name }] });
    expect(staffCaseView(state)).toMatchObject({ procedure, stageLabel: { zh: stageLabel }, personTerm: { zh: term } });
  });

  it('keeps the single path for a case whose pinned policy predates the decision rules, and refuses it an accountability inquiry', () => {
    const c = aCaseAt('VERIFICATION', { initial: { policy: SINGLE_PATH_POLICY } });
    const error = refusal(c, 'submitVerificationReport', officer(c), { finding: 'PROPOSE_ACCOUNTABILITY', summary: '拟启动问责' });
    expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'finding' }] });
    const single = aCaseAt('DECIDED', { initial: { policy: SINGLE_PATH_POLICY } });
    expect(single.state.procedure).toBeUndefined();
    expect(single.state.decision).toBeDefined();
    const investigating = aCaseAt('INVESTIGATION', { initial: { policy: SINGLE_PATH_POLICY } });
    expect(refusal(investigating, 'presentFactMaterials', officer(investigating), aPayload('presentFactMaterials')).reason).toBe('NO_PROCEDURE');
  });
});

describe('an inquiry team of at least two (问责条例 art. 10)', () => {
  it('is named by the approval of the filing, the assigned officer first, every member an investigator', () => {
    const c = aCaseAt('VERIFICATION');
    const reported = act(c, 'submitVerificationReport', officer(c), { finding: 'PROPOSE_ACCOUNTABILITY', summary: '拟启动问责' });
    expect(refusal(reported, 'approve', c.cast.supervisor, {}).fields).toEqual([{ field: 'investigationTeam', message: expect.stringContaining('at least two') }]);
    expect(refusal(reported, 'approve', c.cast.supervisor, { investigationTeam: [officer(c).userId] }).fields[0].field).toBe('investigationTeam');
    const member = aUuid();
    const filedCase = act(reported, 'approve', c.cast.supervisor, { investigationTeam: [member] });
    expect(filedCase.state.investigationTeam).toEqual([officer(c).userId, member]);
    expect(filedCase.state.investigatorIds).toEqual(expect.arrayContaining([officer(c).userId, member]));
  });

  it('refuses a recused member, and a team named on any other approval', () => {
    const c = aCaseAt('VERIFICATION');
    const reported = act(c, 'submitVerificationReport', officer(c), { finding: 'PROPOSE_CASE_FILING', summary: '拟立案' });
    const recused = { ...reported, state: { ...reported.state, recusedUserIds: [...reported.state.recusedUserIds, INQUIRY_TEAM_MEMBER] } };
    expect(refusal(recused, 'approve', c.cast.supervisor, { investigationTeam: [INQUIRY_TEAM_MEMBER] })).toMatchObject({ reason: 'RECUSAL' });
    const disposition = aCaseAt('DISPOSITION', { pendingProposal: true });
    expect(refusal(disposition, 'approve', disposition.cast.supervisor, { investigationTeam: [aUuid()] }).fields[0].field).toBe('investigationTeam');
  });
});

describe('several persons and organisations per case', () => {
  it('adds a member in charge with their account (recused) and an organisation', () => {
    const { state } = leadingGroupCase();
    expect(state.persons!.map((p) => [p.personId, p.kind])).toEqual([
      ['P1', 'INDIVIDUAL'],
      ['P2', 'INDIVIDUAL'],
      ['P3', 'ORGANISATION'],
    ]);
    expect(state.recusedUserIds).toContain(state.persons![1].userId);
  });

  it('refuses an account for an organisation, naming the field', () => {
    const c = filed('PROPOSE_ACCOUNTABILITY');
    const error = refusal(c, 'addPersonConcerned', officer(c), aPayload('addPersonConcerned', { kind: 'ORGANISATION', userId: aUuid() }));
    expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'userId' }] });
  });

  it('wants findings for each person, forms that fit each, and names the row at fault', () => {
    const c = leadingGroupCase();
    const report = (changes: Partial<ActionPayloads['submitInvestigationReport']>) => ({ facts: '查明事实', ...changes });
    expect(refusal(c, 'submitInvestigationReport', officer(c), report(aPayload('submitInvestigationReport')))).toMatchObject({ fields: [{ field: 'findings' }] });
    const orgFormOnPerson = [finding('P1', { form: 'CIRCULATED_NOTICE' }), finding('P2', { form: 'ADMONISHMENT' }), finding('P3', { form: 'INSPECTION' })];
    expect(refusal(c, 'submitInvestigationReport', officer(c), report({ findings: orgFormOnPerson }))).toMatchObject({ fields: [{ field: 'findings[0].forms' }] });
    const personFormOnOrg = [finding('P1', { form: 'ADMONISHMENT' }), finding('P2', { form: 'ADMONISHMENT' }), finding('P3', { form: 'ADMONISHMENT' })];
    expect(refusal(c, 'submitInvestigationReport', officer(c), report({ findings: personFormOnOrg }))).toMatchObject({ fields: [{ field: 'findings[2].forms' }] });
    const missing = [finding('P1', { form: 'ADMONISHMENT' }), finding('P3', { form: 'INSPECTION' })];
    expect(refusal(c, 'submitInvestigationReport', officer(c), report({ findings: missing })).fields[0]).toMatchObject({ field: 'findings', message: expect.stringContaining('P2') });
  });

  it('gives 政务处分 to public officials only', () => {
    let c = filed('PROPOSE_ACCOUNTABILITY');
    c = act(c, 'addPersonConcerned', officer(c), aPayload('addPersonConcerned', { publicOfficial: false, name: '王某', position: '村党支部书记' }));
    c = heard(heard(c, 'P1'), 'P2');
    const findings = [finding('P1', { form: 'ADMONISHMENT' }), finding('P2', { form: 'GOVERNMENT_SANCTION', subtype: 'WARNING' })];
    expect(refusal(c, 'submitInvestigationReport', officer(c), { facts: '查明事实', findings })).toMatchObject({ fields: [{ field: 'findings[1].forms' }] });
  });
});

describe('陈述申辩: every person concerned has the chance to answer the facts', () => {
  it('refuses the report until the facts were shown to each person', () => {
    const c = filed('PROPOSE_ACCOUNTABILITY');
    expect(refusal(c, 'submitInvestigationReport', officer(c), aPayload('submitInvestigationReport')).reason).toBe('FACTS_NOT_SHOWN');
    expect(refusal(c, 'recordStatement', officer(c), aPayload('recordStatement')).reason).toBe('NO_STATEMENT_DUE');
  });

  it('waits for the answer or its time limit (5 working days by default), on a clock', () => {
    const c = filed('PROPOSE_ACCOUNTABILITY');
    const shown = act(c, 'presentFactMaterials', officer(c), { personId: 'P1', presentedAt: c.at.toISOString() });
    const statement = shown.state.persons![0].statement!;
    expect(statement.deadline).toMatchObject({ step: 'STATEMENT', limit: DEFAULT_POLICY.stepLimits!.STATEMENT });
    expect(runningStepClocks(shown.state).map((k) => k.key)).toContain('statement:P1');
    expect(refusal(shown, 'submitInvestigationReport', officer(c), aPayload('submitInvestigationReport')).reason).toBe('STATEMENT_PENDING');
    // Once the time to answer is over, silence does not hold the report back.
    const afterDue = new Date(Date.parse(statement.deadline!.dueAt) + 60_000);
    expect(() => checkAction(shown.state, 'submitInvestigationReport', aRequest(officer(c), aPayload('submitInvestigationReport')), afterDue)).not.toThrow();
  });

  it('records the answer, signed or with the refusal noted, never before the facts were shown', () => {
    const c = filed('PROPOSE_ACCOUNTABILITY');
    const shown = act(c, 'presentFactMaterials', officer(c), { personId: 'P1', presentedAt: later(c) });
    const early = { personId: 'P1', receivedAt: minutesAfter(c.at, 10).toISOString(), summary: '有异议', signature: 'REFUSED_TO_SIGN' } as const;
    expect(refusal(shown, 'recordStatement', officer(c), early)).toMatchObject({ fields: [{ field: 'receivedAt' }] });
    const answered = act(shown, 'recordStatement', officer(c), { ...early, receivedAt: later(shown), adopted: '部分采纳' });
    expect(answered.state.persons![0].statement!.answer).toMatchObject({ signature: 'REFUSED_TO_SIGN', adopted: '部分采纳' });
    expect(runningStepClocks(answered.state).map((k) => k.key)).not.toContain('statement:P1');
  });
});

describe('审理: a separate department, people who took no part', () => {
  const inTrial = () => aCaseAt('TRIAL');
  const atTrial = () => {
    const c = aCaseAt('TRIAL');
    return { ...c, state: { ...c.state, trial: {} } };
  };

  it('sends a discipline case, or a sanction proposed in an accountability inquiry, to 审理 once the report is approved', () => {
    expect(inTrial().state).toMatchObject({ stage: 'TRIAL', procedure: 'DISCIPLINE', trial: { reviewerId: expect.any(String) } });
    let c = heard(filed('PROPOSE_ACCOUNTABILITY'), 'P1');
    c = act(c, 'submitInvestigationReport', officer(c), aPayload('submitInvestigationReport', { forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }] }));
    expect(act(c, 'approve', c.cast.supervisor, {}).state.stage).toBe('TRIAL');
  });

  it('refuses anyone outside the case review department, and of it anyone who investigated or approved the report', () => {
    const c = atTrial();
    expect(refusal(c, 'acceptForTrial', aCaseOfficer(), {}).reason).toBe('ROLE');
    expect(refusal(c, 'acceptForTrial', aSupervisor(), {}).reason).toBe('ROLE');
    expect(refusal(c, 'acceptForTrial', { ...officer(c), roles: ['CASE_OFFICER', 'TRIAL_OFFICER'] }, {}).reason).toBe('INVESTIGATOR_CANNOT_REVIEW');
    expect(refusal(c, 'acceptForTrial', { ...c.cast.supervisor, roles: ['SUPERVISOR', 'TRIAL_OFFICER'] }, {}).reason).toBe('INVESTIGATOR_CANNOT_REVIEW');
  });

  it('restarts the stage clock on acceptance, and lets only its reviewer give the opinion', () => {
    const accepted = act(atTrial(), 'acceptForTrial', aTrialOfficer(), {});
    expect(accepted.state.deadline).toMatchObject({ stage: 'TRIAL', startedAt: accepted.state.trial!.acceptedAt });
    expect(refusal(accepted, 'recordTrialOpinion', aTrialOfficer(), aPayload('recordTrialOpinion')).reason).toBe('NOT_TRIAL_REVIEWER');
  });

  it('varies the handling with findings, or returns the case for further investigation', () => {
    const c = inTrial();
    const reviewer = c.cast.trialReviewer;
    expect(refusal(c, 'recordTrialOpinion', reviewer, { opinion: 'VARY', reason: '定性不准' })).toMatchObject({ fields: [{ field: 'findings' }] });
    const varied = act(c, 'recordTrialOpinion', reviewer, { opinion: 'VARY', findings: [finding('P1', { form: 'DISCIPLINARY_SANCTION', subtype: 'SERIOUS_WARNING' })], reason: '情节较重' });
    expect(varied.state.stage).toBe('DELIBERATION');
    expect(act(c, 'recordTrialOpinion', reviewer, { opinion: 'RETURN_FOR_INVESTIGATION', reason: '事实不清' }).state.stage).toBe('INVESTIGATION');
  });
});

describe('集体研究决定: each form by its body, quorum and majority, votes and dissent', () => {
  const deliberating = () => aCaseAt('DELIBERATION');

  it('refuses a meeting without a quorum, a member who may not vote, and dissent without an opinion', () => {
    const c = deliberating();
    const [a, b] = [aUuid(), aUuid()];
    expect(refusal(c, 'recordCollectiveDecision', c.cast.supervisor, meeting(c, { memberCount: 5, votes: [{ memberId: a, vote: 'FOR' }, { memberId: b, vote: 'FOR' }] }))).toMatchObject({
      fields: [{ field: 'votes', message: expect.stringContaining('no quorum') }],
    });
    const withRecused = { ...c, state: { ...c.state, recusedUserIds: [...c.state.recusedUserIds, a] } };
    const votes = [{ memberId: a, vote: 'FOR' as const }, { memberId: b, vote: 'AGAINST' as const }, { memberId: aUuid(), vote: 'FOR' as const }];
    expect(refusal(withRecused, 'recordCollectiveDecision', c.cast.supervisor, meeting(c, { votes })).fields).toEqual([
      { field: 'votes[0].memberId', message: expect.stringContaining('回避') },
      { field: 'votes[1].opinion', message: expect.stringContaining('dissent') },
    ]);
  });

  it('records a vote that does not carry, and leaves the case to another meeting', () => {
    const c = deliberating();
    const votes = [{ memberId: aUuid(), vote: 'FOR' as const }, { memberId: aUuid(), vote: 'FOR' as const }, { memberId: aUuid(), vote: 'AGAINST' as const, opinion: '处理偏重' }];
    const failed = act(c, 'recordCollectiveDecision', c.cast.supervisor, meeting(c, { memberCount: 6, votes: [...votes, { memberId: aUuid(), vote: 'ABSTAIN' }] }));
    expect(failed.state).toMatchObject({ stage: 'DELIBERATION', collectiveDecisions: [{ carried: false, votes: expect.arrayContaining([{ memberId: votes[2].memberId, vote: 'AGAINST', opinion: '处理偏重' }]) }] });
    expect(failed.state.decision).toBeUndefined();
    expect(act(failed, 'recordCollectiveDecision', c.cast.supervisor, meeting(failed)).state.stage).toBe('DECIDED');
  });

  it('has the commission decide 诫勉 and the organisation department 组织处理, the case decided when both have', () => {
    let c = leadingGroupCase();
    const findings = [
      finding('P1', { form: 'ORGANIZATIONAL_MEASURE', subtype: 'REMOVAL' }),
      finding('P2', { form: 'ADMONISHMENT' }),
      finding('P3', { form: 'CIRCULATED_NOTICE' }),
    ];
    c = act(c, 'submitInvestigationReport', officer(c), { facts: '班子履职不力', findings });
    c = act(c, 'approve', c.cast.supervisor, {});
    expect(c.state.stage).toBe('DELIBERATION');
    expect(bodiesToDecide(c.state).sort()).toEqual(['COMMISSION_STANDING_COMMITTEE', 'ORGANISATION_DEPARTMENT']);
    expect(refusal(c, 'recordCollectiveDecision', c.cast.supervisor, meeting(c, { body: 'PARTY_COMMITTEE' }))).toMatchObject({ fields: [{ field: 'body' }] });
    // The commission may not decide the organisation department's form, even when deciding otherwise.
    const overreach = [finding('P1', { form: 'ORGANIZATIONAL_MEASURE', subtype: 'DEMOTION' }), finding('P2', { form: 'ADMONISHMENT' }), finding('P3', { form: 'CIRCULATED_NOTICE' })];
    expect(refusal(c, 'recordCollectiveDecision', c.cast.supervisor, meeting(c, { findings: overreach }))).toMatchObject({ fields: [{ field: 'findings[0].forms' }] });
    c = act(c, 'recordCollectiveDecision', c.cast.supervisor, meeting(c));
    expect(c.state.stage).toBe('DELIBERATION');
    c = act(c, 'recordCollectiveDecision', aSupervisor(), meeting(c, { body: 'ORGANISATION_DEPARTMENT', minutes: '部务会研究，同意免职' }));
    expect(c.state.stage).toBe('DECIDED');
    expect(c.state.personDecisions!.map((d) => [d.personId, d.forms[0].form, d.bodies])).toEqual([
      ['P1', 'ORGANIZATIONAL_MEASURE', ['ORGANISATION_DEPARTMENT']],
      ['P2', 'ADMONISHMENT', ['COMMISSION_STANDING_COMMITTEE']],
      ['P3', 'CIRCULATED_NOTICE', ['COMMISSION_STANDING_COMMITTEE']],
    ]);
    // The removal's formalities are owed within a month, on a clock; the case stays open until they are done.
    expect(c.state.measureExecutions).toEqual([expect.objectContaining({ personId: 'P1', deadline: expect.objectContaining({ step: 'MEASURE_EXECUTION' }) })]);
    expect(openAftercare(c.state)).toContain('MEASURE_EXECUTION');
    const done = act(c, 'recordMeasureExecution', officer(c), { personId: 'P1', completedAt: later(c), note: '已办理免职手续' });
    expect(openAftercare(done.state)).not.toContain('MEASURE_EXECUTION');
  });

  it('lets a meeting decide otherwise than proposed, on the forms its body decides', () => {
    const c = deliberating();
    const lighter = [finding('P1', { form: 'CIRCULATED_CRITICISM' })];
    const decided = act(c, 'recordCollectiveDecision', c.cast.supervisor, meeting(c, { findings: lighter }));
    expect(decided.state.decision).toMatchObject({ forms: [{ form: 'CIRCULATED_CRITICISM' }] });
  });
});

describe('a discipline decision is announced within a month', () => {
  it('owes the announcement on a clock until it is recorded', () => {
    let c = aCaseAt('TRIAL');
    c = act(c, 'recordTrialOpinion', c.cast.trialReviewer, aPayload('recordTrialOpinion'));
    c = act(c, 'recordCollectiveDecision', c.cast.supervisor, meeting(c));
    expect(c.state).toMatchObject({ stage: 'DECIDED', announcement: { deadline: { step: 'ANNOUNCEMENT' } } });
    expect(runningStepClocks(c.state).map((k) => k.key)).toContain('announcement');
    expect(refusal(c, 'announceDecision', officer(c), { announcedAt: minutesAfter(c.at, -600).toISOString(), to: '本人' })).toMatchObject({ fields: [{ field: 'announcedAt' }] });
    const announced = act(c, 'announceDecision', officer(c), { announcedAt: later(c), to: '本人及所在党支部全体党员' });
    expect(openAftercare(announced.state)).not.toContain('ANNOUNCEMENT');
    expect(refusal(announced, 'announceDecision', officer(c), { announcedAt: later(announced), to: '本人' }).reason).toBe('NOTHING_TO_ANNOUNCE');
  });
});

describe('who decides what is policy data', () => {
  it('accepts the default and names what is wrong with a locality’s', () => {
    expect(decisionPolicyProblems(DEFAULT_POLICY.decisionPolicy)).toEqual([]);
    const broken = { rules: { ...DEFAULT_POLICY.decisionPolicy!.rules, ADMONISHMENT: { body: 'MAYOR', trial: false, proposed: false }, 'DISCIPLINARY_SANCTION/NOPE': { body: 'PARTY_COMMITTEE', trial: true, proposed: false } }, collective: { presentMoreThan: 1.5, agreeMoreThan: 0.5, mayNotVote: ['RECUSED', 'FRIENDS'] } };
    expect(decisionPolicyProblems(broken).map((p) => p.field)).toEqual([
      'decisionPolicy.rules.ADMONISHMENT',
      'decisionPolicy.rules.DISCIPLINARY_SANCTION/NOPE',
      'decisionPolicy.collective.presentMoreThan',
      'decisionPolicy.collective.mayNotVote',
    ]);
  });

  it('excludes the investigators from the vote where the locality says so', () => {
    const c = aCaseAt('DELIBERATION');
    const policy = { ...c.state.policy, decisionPolicy: { ...c.state.policy.decisionPolicy!, collective: { presentMoreThan: 0.5, agreeMoreThan: 0.5, mayNotVote: ['INVESTIGATORS' as const] } } };
    const strict = { ...c, state: { ...c.state, policy } };
    const votes = [{ memberId: officer(c).userId, vote: 'FOR' as const }, { memberId: aUuid(), vote: 'FOR' as const }, { memberId: aUuid(), vote: 'FOR' as const }];
    expect(refusal(strict, 'recordCollectiveDecision', c.cast.supervisor, meeting(c, { votes })).fields).toEqual([{ field: 'votes[0].memberId', message: expect.stringContaining('investigation') }]);
    expect(() => checkAction(c.state, 'recordCollectiveDecision', aRequest(c.cast.supervisor, meeting(c, { votes })), minutesAfter(c.at, 60))).not.toThrow();
  });
});

describe('the upper level orders accountability started (问责条例 art. 9)', () => {
  const upper = aSupervisor({ orgUnitId: '0f000000-0000-4000-8000-0000000000ff' });

  it('is ordered by a supervisor of the upper level only, once', () => {
    const c = aCaseAt('DISPOSITION');
    expect(refusal(c, 'orderAccountabilityStart', aSupervisor(), { reason: '应当问责' }).reason).toBe('NOT_UPPER_LEVEL');
    const ordered = act(c, 'orderAccountabilityStart', upper, { reason: '群众反映强烈，应当问责而未启动' });
    expect(ordered.state.startOrder).toMatchObject({ by: upper.userId, reason: '群众反映强烈，应当问责而未启动' });
    expect(refusal(ordered, 'orderAccountabilityStart', upper, { reason: '再次' }).reason).toBe('ALREADY_ORDERED');
  });

  it('designates another body, which takes the clue over, held to the way on', () => {
    const c = aCaseAt('VERIFICATION');
    expect(refusal(c, 'designateAccountabilityBody', upper, { orgUnitId: c.state.registration.orgUnitId, reason: '指定' })).toMatchObject({ fields: [{ field: 'orgUnitId' }] });
    const other = '0f000000-0000-4000-8000-0000000000b2';
    const designated = act(c, 'designateAccountabilityBody', upper, { orgUnitId: other, reason: '原机关不宜启动' });
    expect(designated.state).toMatchObject({ registration: { orgUnitId: other }, startOrder: { designatedFrom: c.state.registration.orgUnitId } });
    expect(designated.state.assigneeId).toBeUndefined();
    expect(refusal(designated, 'orderAccountabilityStart', upper, { reason: '再次' }).reason).toBe('ALREADY_ORDERED');
  });

  it('holds the clue to the way on to an accountability inquiry: no closing, shelving, transfer or other filing', () => {
    const ordered = act(aCaseAt('DISPOSITION'), 'orderAccountabilityStart', upper, { reason: '应当问责' });
    const o = officer(ordered);
    expect(refusal(ordered, 'proposeDisposition', o, { disposition: 'CLOSE', reason: '了结' }).reason).toBe('ORDERED_TO_START');
    expect(refusal(ordered, 'proposeDisposition', o, { disposition: 'SHELVE_PENDING', reason: '暂存' }).reason).toBe('ORDERED_TO_START');
    expect(refusal(ordered, 'transferClue', o, { toBody: '某县纪委', reason: '转办' }).reason).toBe('ORDERED_TO_START');
    let c = act(ordered, 'proposeDisposition', o, { disposition: 'PRELIMINARY_VERIFICATION', reason: '初核' });
    c = act(c, 'approve', c.cast.supervisor, {});
    expect(refusal(c, 'submitVerificationReport', o, { finding: 'CLOSE', summary: '了结' }).reason).toBe('ORDERED_TO_START');
    expect(refusal(c, 'submitVerificationReport', o, { finding: 'PROPOSE_CASE_FILING', summary: '立案' }).reason).toBe('ORDERED_TO_START');
    c = act(c, 'submitVerificationReport', o, { finding: 'PROPOSE_ACCOUNTABILITY', summary: '启动问责' });
    expect(act(c, 'approve', c.cast.supervisor, { investigationTeam: [INQUIRY_TEAM_MEMBER] }).state).toMatchObject({ stage: 'INVESTIGATION', procedure: 'ACCOUNTABILITY' });
  });
});
