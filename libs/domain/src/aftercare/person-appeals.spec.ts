import type { ActionName, ActionPayloads, Actor, CaseSummary, PersonFinding } from '@dandang/contracts';
import { aCaseAt, aPayload, aRequest, aSupervisor, anActor, andThenAdmitted, aUuid, minutesAfter, refusalOf, type DrivenCase } from '@dandang/testing/factories';
import { checkAction } from '../case/check-action';
import { availableActions } from '../case/available-actions';
import { CHINA_CALENDAR_2025_2026 } from '../calendar/china-calendar-data';
import { officialEffects } from '../effects/official-effects';
import { subjectCaseSummary, subjectCaseView, subjectMaySeeEvent } from '../access/visibility';
import { taskHolders } from '../case/task-holders';
import { documentKindsFor, documentPersons } from '../documents/document-kinds';
import { nextClockEvent } from './clocks';
import { runningStepClocks } from './step-clocks';

/** 申诉 of every person concerned (问责条例 art. 22): each appeals their own decision, decided on its own. */

const clock = { calendar: CHINA_CALENDAR_2025_2026 };
const act = <A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A]) => andThenAdmitted(c, action, actor, payload, clock);
const refusal = <A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A]) =>
  refusalOf(() => checkAction(c.state, action, aRequest(actor, payload), minutesAfter(c.at, 60)));
const later = (c: DrivenCase, minutes = 30) => minutesAfter(c.at, minutes).toISOString();
const finding = (personId: string, ...forms: PersonFinding['forms']): PersonFinding => ({ personId, responsibilityLevel: 'DIRECT', forms, leniency: 'NORMAL' });

/** The member in charge's own account: they are told of the case and may appeal online. */
const MEMBER_ID = aUuid();

/** A leading group's head (P1) and a member in charge (P2, with an account) admonished, the group (P3) circulated; served. */
function servedGroupCase(): DrivenCase {
  const officer = (c: DrivenCase) => c.cast.caseOfficer;
  let c = aCaseAt('VERIFICATION');
  c = act(c, 'submitVerificationReport', officer(c), { finding: 'PROPOSE_ACCOUNTABILITY', summary: '初核查明存在不作为问题' });
  c = act(c, 'approve', c.cast.supervisor, { investigationTeam: [aUuid()] });
  c = act(c, 'addEvidence', officer(c), aPayload('addEvidence'));
  c = act(c, 'addPersonConcerned', officer(c), aPayload('addPersonConcerned', { userId: MEMBER_ID }));
  c = act(c, 'addPersonConcerned', officer(c), { kind: 'ORGANISATION', name: '某局党组', position: '领导班子', orgUnitId: c.state.registration.orgUnitId, reason: '党组履行主体责任不力' });
  for (const personId of ['P1', 'P2', 'P3']) {
    c = act(c, 'presentFactMaterials', officer(c), { personId, presentedAt: later(c) });
    c = act(c, 'recordStatement', officer(c), { personId, receivedAt: later(c), summary: '对事实无异议', signature: 'SIGNED' });
  }
  const findings = [finding('P1', { form: 'ADMONISHMENT' }), finding('P2', { form: 'ADMONISHMENT' }), finding('P3', { form: 'CIRCULATED_NOTICE' })];
  c = act(c, 'submitInvestigationReport', officer(c), { facts: '班子履职不力', findings });
  c = act(c, 'approve', c.cast.supervisor, {});
  c = act(c, 'recordCollectiveDecision', c.cast.supervisor, aPayload('recordCollectiveDecision', { meetingAt: later(c) }));
  return act(c, 'serveDecision', officer(c), { servedAt: later(c), method: 'IN_PERSON' });
}

const paperAppeal = (c: DrivenCase, personId?: string): ActionPayloads['recordPaperAppeal'] => ({ grounds: '本人仅分管，不应承担同等责任', receivedAt: later(c), ...(personId ? { personId } : {}) });

describe('each person concerned appeals their own decision', () => {
  it('records a written appeal of the member in charge, on its own clock, and leaves the others free to appeal', () => {
    const served = servedGroupCase();
    const appealed = act(served, 'recordPaperAppeal', served.cast.caseOfficer, paperAppeal(served, 'P2'));
    expect(appealed.state.personAppeals).toEqual([expect.objectContaining({ personId: 'P2', filed: expect.objectContaining({ recordedBy: served.cast.caseOfficer.userId }) })]);
    expect(appealed.state.appeal!.filed).toBeUndefined();
    expect(runningStepClocks(appealed.state).map((k) => k.key)).toContain('appeal:P2');
    // A supervisor's decision waits; the subject and the group may still appeal.
    expect(taskHolders(appealed.state).supervisor).toBe(true);
    expect(availableActions(appealed.state, appealed.cast.caseOfficer, minutesAfter(appealed.at, 60))).toContain('recordPaperAppeal');
    expect(refusal(appealed, 'recordPaperAppeal', served.cast.caseOfficer, paperAppeal(appealed, 'P2')).reason).toBe('APPEAL_FILED');
    const subject = act(appealed, 'recordPaperAppeal', served.cast.caseOfficer, paperAppeal(appealed));
    expect(subject.state.appeal!.filed).toBeDefined();
  });

  it('refuses a person the decision does not concern, naming personId', () => {
    const served = servedGroupCase();
    expect(refusal(served, 'recordPaperAppeal', served.cast.caseOfficer, paperAppeal(served, 'P9')).fields).toEqual([expect.objectContaining({ field: 'personId' })]);
  });

  it('decides the member’s appeal alone: revoked, their effects go and the others’ stay', () => {
    const served = servedGroupCase();
    const appealed = act(served, 'recordPaperAppeal', served.cast.caseOfficer, paperAppeal(served, 'P2'));
    const reviewer = aSupervisor();
    // The subject filed nothing: their appeal cannot be decided.
    expect(refusal(appealed, 'decideAppeal', reviewer, { outcome: 'UPHELD', reason: '维持' }).reason).toBe('NO_APPEAL');
    expect(refusal(appealed, 'decideAppeal', reviewer, { outcome: 'VARIED', forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }], reason: '加重', personId: 'P2' }).reason).toBe('HEAVIER');
    expect(refusal(appealed, 'decideAppeal', appealed.cast.supervisor, { outcome: 'REVOKED', reason: '撤销', personId: 'P2' }).reason).toBe('TOOK_PART');
    const revoked = act(appealed, 'decideAppeal', reviewer, { outcome: 'REVOKED', reason: '分管领导已及时提出意见，不应问责', personId: 'P2' });
    expect(revoked.state.personAppeals![0].decision).toMatchObject({ outcome: 'REVOKED', by: reviewer.userId });
    expect(revoked.state.personDecisions!.find((d) => d.personId === 'P2')!.forms).toEqual([]);
    expect(revoked.state.decision!.forms).toEqual([{ form: 'ADMONISHMENT' }]);
    const effects = officialEffects(revoked.state);
    expect(effects.some((e) => e.personId === 'P2')).toBe(false);
    expect(effects.some((e) => e.personId === 'P1')).toBe(true);
    expect(taskHolders(revoked.state).supervisor).toBe(false);
    expect(refusal(revoked, 'decideAppeal', reviewer, { outcome: 'UPHELD', reason: '维持', personId: 'P2' }).reason).toBe('APPEAL_DECIDED');
    // Its decision is a document of that person.
    expect(documentKindsFor(revoked.state)).toContain('APPEAL_REVIEW_DECISION');
    expect(documentPersons('APPEAL_REVIEW_DECISION', revoked.state).map((p) => p.personId)).toEqual(['P2']);
  });

  it('varies a member’s decision to lighter forms only', () => {
    const served = servedGroupCase();
    const appealed = act(served, 'recordPaperAppeal', served.cast.caseOfficer, paperAppeal(served, 'P2'));
    const varied = act(appealed, 'decideAppeal', aSupervisor(), { outcome: 'VARIED', forms: [{ form: 'CIRCULATED_CRITICISM' }], reason: '情节较轻', personId: 'P2' });
    expect(varied.state.personDecisions!.find((d) => d.personId === 'P2')!.forms).toEqual([{ form: 'CIRCULATED_CRITICISM' }]);
  });
});

describe('the served case closes once no appeal can still come or wait', () => {
  it('waits for the window while others may still appeal, and for every appeal filed to be decided', () => {
    const served = servedGroupCase();
    const windowEndsAt = served.state.appeal!.windowEndsAt;
    expect(nextClockEvent(served.state, clock)).toMatchObject({ kind: 'CLOSE_AFTER_DECISION', at: windowEndsAt, reason: 'APPEAL_WINDOW_CLOSED' });
    // The subject's appeal decided early: the case waits for the window, the others may still appeal.
    let c = act(served, 'recordPaperAppeal', served.cast.caseOfficer, paperAppeal(served));
    c = act(c, 'decideAppeal', aSupervisor(), { outcome: 'UPHELD', reason: '维持' });
    expect(nextClockEvent(c.state, clock)).toMatchObject({ kind: 'CLOSE_AFTER_DECISION', at: windowEndsAt, reason: 'APPEAL_DECIDED' });
    // A member's appeal undecided: nothing closes it.
    c = act(c, 'recordPaperAppeal', c.cast.caseOfficer, paperAppeal(c, 'P2'));
    expect(nextClockEvent(c.state, clock)).not.toMatchObject({ kind: 'CLOSE_AFTER_DECISION' });
    // Everyone appealed and every appeal decided: it closes at the last decision.
    c = act(c, 'recordPaperAppeal', c.cast.caseOfficer, paperAppeal(c, 'P3'));
    c = act(c, 'decideAppeal', aSupervisor(), { outcome: 'UPHELD', reason: '维持', personId: 'P3' });
    expect(nextClockEvent(c.state, clock)).not.toMatchObject({ kind: 'CLOSE_AFTER_DECISION' });
    c = act(c, 'decideAppeal', aSupervisor(), { outcome: 'UPHELD', reason: '维持', personId: 'P2' });
    expect(nextClockEvent(c.state, clock)).toMatchObject({ kind: 'CLOSE_AFTER_DECISION', at: c.state.personAppeals![0].decision!.at, reason: 'APPEAL_DECIDED' });
  });
});

describe('a person concerned with an account', () => {
  const member = () => anActor({ userId: MEMBER_ID, roles: ['SUBJECT'], displayName: '李四' });
  const subject = (c: DrivenCase) => anActor({ userId: c.state.registration.subject.userId!, roles: ['SUBJECT'] });

  it('reads the case under their own name, with their own decision and appeal, never the head’s', () => {
    const served = servedGroupCase();
    const view = subjectCaseView(served.state, MEMBER_ID);
    const p2 = served.state.persons!.find((p) => p.personId === 'P2')!;
    expect(view).toMatchObject({ subject: { name: p2.name, position: p2.position }, decision: { forms: [{ form: 'ADMONISHMENT' }] }, tolerance: null, impactPeriodEndsAt: null });
    expect(view.appeal).toEqual({ windowEndsAt: served.state.appeal!.windowEndsAt });
    const row = { subjectName: '张三', subjectPosition: '主任', channel: 'PUBLIC', intakeMethod: 'LETTER', receivedAt: served.state.registeredAt, assigneeId: aUuid() } as unknown as CaseSummary;
    expect(subjectCaseSummary(row, served.state, MEMBER_ID)).toEqual({ subjectName: p2.name, subjectPosition: p2.position });
    expect(subjectCaseView(served.state, served.state.registration.subject.userId!).subject.name).toBe(served.state.registration.subject.name);
  });

  it('files their own appeal online, once, and it is theirs alone', () => {
    const served = servedGroupCase();
    expect(availableActions(served.state, member(), minutesAfter(served.at, 60))).toContain('fileAppeal');
    const appealed = act(served, 'fileAppeal', member(), { grounds: '本人已尽分管责任' });
    expect(appealed.state.personAppeals).toEqual([expect.objectContaining({ personId: 'P2', filed: expect.objectContaining({ grounds: '本人已尽分管责任' }) })]);
    expect(appealed.state.appeal!.filed).toBeUndefined();
    expect(subjectCaseView(appealed.state, MEMBER_ID).appeal).toMatchObject({ filed: { grounds: '本人已尽分管责任' } });
    expect(subjectCaseView(appealed.state, appealed.state.registration.subject.userId!).appeal!.filed).toBeUndefined();
    expect(refusal(appealed, 'fileAppeal', member(), { grounds: '再次申诉' }).reason).toBe('APPEAL_FILED');
    expect(availableActions(appealed.state, member(), minutesAfter(appealed.at, 60))).not.toContain('fileAppeal');
    // The head may still appeal theirs.
    expect(act(appealed, 'fileAppeal', subject(served), { grounds: '不服' }).state.appeal!.filed).toBeDefined();
  });
});

describe('the registered subject does not read another person’s appeal', () => {
  it('leaves the member’s appeal events out of the subject’s timeline', () => {
    const event = (action: string, payload: Record<string, unknown>) => ({ action, toStage: 'SERVED', payload });
    const subject = { userId: aUuid(), personId: 'P1' };
    expect(subjectMaySeeEvent(event('recordPaperAppeal', { grounds: '…', personId: 'P2' }), subject)).toBe(false);
    expect(subjectMaySeeEvent(event('decideAppeal', { outcome: 'REVOKED', personId: 'P2' }), subject)).toBe(false);
    expect(subjectMaySeeEvent(event('recordPaperAppeal', { grounds: '…' }), subject)).toBe(true);
    expect(subjectMaySeeEvent(event('decideAppeal', { outcome: 'UPHELD', personId: 'P1' }), subject)).toBe(true);
  });
});
