import type { ActionPayloads, Actor, PersonFinding } from '@dandang/contracts';
import { aCaseAt, aPayload, aRequest, SINGLE_PATH_POLICY, aboutOfficial, aSupervisor, anActor, minutesAfter, refusalOf, type DrivenCase, aftercareStep as step, reviewConcluded as concluded } from '@dandang/testing/factories';
import { addMonths } from './months';
import { checkAction } from '../case/check-action';
import { DomainErrorCode } from '../errors';

const official = anActor({ roles: ['SUBJECT'] });
const withOfficial = { initial: aboutOfficial(official.userId) };
const underInvestigation = (): DrivenCase => aCaseAt('INVESTIGATION', { pendingProposal: true, ...withOfficial });
const check = (c: DrivenCase, action: Parameters<typeof checkAction>[1], actor: Actor, payload: object) =>
  checkAction(c.state, action, aRequest(actor, payload as never), minutesAfter(c.at, 60));
const refusal = (...args: Parameters<typeof check>) => refusalOf(() => check(...args));

describe('applying for fault tolerance', () => {
  it('lets the official concerned apply on their own case, although they are recused from everything else', () => {
    const c = underInvestigation();
    expect(c.state.recusedUserIds).toContain(official.userId);
    expect(() => check(c, 'applyFaultTolerance', official, { reasons: '先行先试' })).not.toThrow();
    expect(refusal(c, 'declareConflict', official, { reason: '回避' })).toMatchObject({ reason: 'RECUSAL' });
  });

  it('refuses another official concerned', () => {
    expect(refusal(underInvestigation(), 'applyFaultTolerance', anActor({ roles: ['SUBJECT'] }), { reasons: '代为申请' })).toMatchObject({
      code: DomainErrorCode.FORBIDDEN,
      reason: 'NOT_SUBJECT',
    });
  });

  it.each(['DISPOSITION', 'VERIFICATION', 'DECIDED'] as const)('refuses an application in %s, outside the policy window, naming it', (stage) => {
    const error = refusal(aCaseAt(stage), 'applyFaultTolerance', aSupervisor(), { reasons: '申请' });
    expect(error).toMatchObject({ code: DomainErrorCode.CONFLICT, reason: 'APPLICATION_WINDOW_CLOSED' });
    expect(error.message).toContain('Investigation');
  });

  it('refuses a second application while one is under review, and any once determined', () => {
    const c = step(underInvestigation(), 'applyFaultTolerance', official, { reasons: '申请' });
    expect(refusal(c, 'applyFaultTolerance', c.cast.caseOfficer, { reasons: '再申请' }).reason).toBe('REVIEW_OPEN');
    const rejected = concluded(c, { declined: false, outcome: 'REJECTION' });
    expect(refusal(rejected, 'applyFaultTolerance', official, { reasons: '再申请' }).reason).toBe('ALREADY_DETERMINED');
    const declined = concluded(c, { declined: true });
    expect(() => check(declined, 'applyFaultTolerance', official, { reasons: '补充材料后再申请' })).not.toThrow();
  });
});

describe('approving the investigation report beside a review', () => {
  const proposed = [{ form: 'ADMONISHMENT' as const }];
  it('refuses approval while a review is open', () => {
    const c = step(underInvestigation(), 'applyFaultTolerance', official, { reasons: '申请' });
    expect(refusal(c, 'approve', c.cast.supervisor, {})).toMatchObject({ code: DomainErrorCode.CONFLICT, reason: 'REVIEW_OPEN' });
  });

  it('after a mitigation, requires forms lighter than those proposed (a case filed before the two procedures)', () => {
    const singlePath = aCaseAt('INVESTIGATION', { pendingProposal: true, initial: { ...aboutOfficial(official.userId), policy: SINGLE_PATH_POLICY } });
    const c = concluded(step(singlePath, 'applyFaultTolerance', official, { reasons: '申请' }), { declined: false, outcome: 'MITIGATION', mitigation: 'LIGHTER' });
    expect(c.state.pendingApproval).toMatchObject({ forms: proposed });
    expect(refusal(c, 'approve', c.cast.supervisor, {}).code).toBe(DomainErrorCode.INVALID_INPUT);
    expect(refusal(c, 'approve', c.cast.supervisor, { forms: proposed }).reason).toBe('NOT_LIGHTER');
    expect(refusal(c, 'approve', c.cast.supervisor, { forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }] }).reason).toBe('NOT_LIGHTER');
    const approved = step(c, 'approve', c.cast.supervisor, { forms: [{ form: 'CIRCULATED_CRITICISM' }] });
    expect(approved.state.decision).toMatchObject({ forms: [{ form: 'CIRCULATED_CRITICISM' }], leniency: 'LIGHTER' });
  });

  it('after a mitigation, has the collective body decide forms lighter than those proposed', () => {
    const c = concluded(step(underInvestigation(), 'applyFaultTolerance', official, { reasons: '申请' }), { declined: false, outcome: 'MITIGATION', mitigation: 'LIGHTER' });
    expect(refusal(c, 'approve', c.cast.supervisor, { forms: [{ form: 'CIRCULATED_CRITICISM' }] }).code).toBe(DomainErrorCode.INVALID_INPUT);
    const deliberating = step(c, 'approve', c.cast.supervisor, {});
    expect(deliberating.state.stage).toBe('DELIBERATION');
    const meeting = (findings?: object[]): ActionPayloads['recordCollectiveDecision'] => ({ ...aPayload('recordCollectiveDecision', { meetingAt: deliberating.at.toISOString() }), ...(findings ? { findings: findings as PersonFinding[] } : {}) });
    const finding = (form: string) => ({ personId: 'P1', responsibilityLevel: 'DIRECT', forms: [{ form }], leniency: 'NORMAL' });
    expect(refusal(deliberating, 'recordCollectiveDecision', deliberating.cast.supervisor, meeting())).toMatchObject({ fields: [{ field: 'findings' }] });
    expect(refusal(deliberating, 'recordCollectiveDecision', deliberating.cast.supervisor, meeting([finding('ADMONISHMENT')])).reason).toBe('NOT_LIGHTER');
    const decided = step(deliberating, 'recordCollectiveDecision', deliberating.cast.supervisor, meeting([finding('CIRCULATED_CRITICISM')]));
    expect(decided.state.decision).toMatchObject({ forms: [{ form: 'CIRCULATED_CRITICISM' }], leniency: 'LIGHTER' });
  });

  it('refuses forms on an approval without a mitigation', () => {
    const c = underInvestigation();
    expect(refusal(c, 'approve', c.cast.supervisor, { forms: [{ form: 'INSPECTION' }] }).code).toBe(DomainErrorCode.INVALID_INPUT);
  });
});

describe('correction plans', () => {
  const owner = anActor();
  const determined = () => concluded(step(underInvestigation(), 'applyFaultTolerance', official, { reasons: '申请' }), { declined: false, outcome: 'EXEMPTION' });
  it('follows a determination only, with default due dates by severity', () => {
    expect(refusal(underInvestigation(), 'openCorrectionPlan', aSupervisor(), { items: [] }).reason).toBe('NO_DETERMINATION');
    const c = step(determined(), 'openCorrectionPlan', aSupervisor(), {
      items: [
        { owner: owner.userId, action: '建章立制', severity: 'LOW' },
        { owner: owner.userId, action: '挽回损失', severity: 'HIGH' },
      ],
    });
    const days = (iso: string) => (Date.parse(iso) - c.at.getTime()) / 86_400_000;
    expect(c.state.correction!.items.map((i) => [i.id, days(i.dueAt)])).toEqual([['C1', 30], ['C2', 90]]);
  });

  it('is completed by the item’s owner and verified by another supervisor', () => {
    const supervisor = aSupervisor();
    let c = step(determined(), 'openCorrectionPlan', supervisor, { items: [{ owner: owner.userId, action: '建章立制', severity: 'MEDIUM' }] });
    expect(refusal(c, 'completeCorrectionItem', anActor(), { itemId: 'C1', evidence: '文件' }).reason).toBe('NOT_OWNER');
    expect(refusal(c, 'verifyCorrectionItem', supervisor, { itemId: 'C1' }).reason).toBe('ITEM_NOT_COMPLETED');
    c = step(c, 'completeCorrectionItem', owner, { itemId: 'C1', evidence: '文件' });
    const ownerAsSupervisor = { ...owner, roles: ['SUPERVISOR' as const] };
    expect(refusal(c, 'verifyCorrectionItem', ownerAsSupervisor, { itemId: 'C1' }).reason).toBe('FOUR_EYES');
    expect(step(c, 'verifyCorrectionItem', supervisor, { itemId: 'C1' }).state.correction!.items[0].status).toBe('VERIFIED');
  });
});

describe('appeals', () => {
  const served = () => {
    const c = aCaseAt('DECIDED', withOfficial);
    return step(c, 'serveDecision', c.cast.caseOfficer, { servedAt: minutesAfter(c.at, 30).toISOString(), method: 'IN_PERSON' });
  };
  it('are filed by the official concerned within the window only', () => {
    const c = served();
    expect(c.state.appeal!.windowEndsAt).toBe(addMonths(new Date(c.state.service!.servedAt), 1).toISOString());
    expect(() => check(c, 'fileAppeal', official, { grounds: '事实有误' })).not.toThrow();
    const late = { ...c, at: new Date(Date.parse(c.state.appeal!.windowEndsAt) + 1) };
    expect(refusal(late, 'fileAppeal', official, { grounds: '事实有误' }).reason).toBe('APPEAL_WINDOW_CLOSED');
  });

  it('are decided by a supervisor who took no part, never heavier', () => {
    const c = step(served(), 'fileAppeal', official, { grounds: '过重' });
    expect(refusal(c, 'decideAppeal', c.cast.supervisor, { outcome: 'UPHELD', reason: '维持' }).reason).toBe('TOOK_PART');
    const other = aSupervisor();
    expect(refusal(c, 'decideAppeal', other, { outcome: 'VARIED', forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }], reason: '加重' }).reason).toBe('HEAVIER');
    expect(refusal(c, 'decideAppeal', other, { outcome: 'UPHELD', forms: [{ form: 'INSPECTION' }], reason: '维持' }).code).toBe(DomainErrorCode.INVALID_INPUT);
    const varied = step(c, 'decideAppeal', other, { outcome: 'VARIED', forms: [{ form: 'CIRCULATED_CRITICISM' }], reason: '从轻' });
    expect(varied.state.decision!.forms).toEqual([{ form: 'CIRCULATED_CRITICISM' }]);
    expect(varied.state.impactPeriodEndsAt).toBeUndefined();
  });
});

describe('name clearing', () => {
  it('is due after an untrue finding, and always includes a written clearing', () => {
    const c = aCaseAt('VERIFICATION');
    const untrue = step(step(c, 'submitVerificationReport', c.cast.caseOfficer, { finding: 'UNTRUE', summary: '不实' }), 'approve', c.cast.supervisor, {});
    expect(untrue.state).toMatchObject({ stage: 'CLOSED', nameClearing: { status: 'DUE' } });
    const at = untrue.at.toISOString();
    expect(refusal(untrue, 'recordNameClearing', untrue.cast.caseOfficer, { harmed: true, methods: ['CIRCULAR'], completedAt: at, note: 'x' }).fields[0].field).toBe('methods');
    expect(refusal(untrue, 'recordNameClearing', untrue.cast.caseOfficer, { harmed: true, methods: [], completedAt: at, note: 'x' }).fields[0].field).toBe('methods');
    expect(() => check(untrue, 'recordNameClearing', untrue.cast.caseOfficer, { harmed: false, methods: [], completedAt: at, note: '未造成影响' })).not.toThrow();
  });
});
