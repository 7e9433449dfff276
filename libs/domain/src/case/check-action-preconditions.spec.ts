import type { ActionName, ActionPayloads, Actor } from '@dandang/contracts';
import {
  aCaseAt,
  aCaseOfficer,
  aCaseState,
  aPayload,
  aRequest,
  aSupervisor,
  anActor,
  anAdmin,
  anAuditor,
  anIntakeOfficer,
  andThen,
  aUuid,
  inBeijingTime,
  minutesAfter,
  refusalOf,
  withStatementsHeard,
  type DrivenCase,
} from '@dandang/testing/factories';
import { checkAction } from './check-action';
import { applyAction } from './apply-action';
import { DomainErrorCode } from '../errors';

const next = (c: DrivenCase) => minutesAfter(c.at, 60);
const check = (c: DrivenCase, action: ActionName, actor: Actor, payload: object = aPayload(action), expectedVersion?: number) =>
  checkAction(c.state, action, aRequest(actor, payload as never, expectedVersion), next(c));
const refusal = (...args: Parameters<typeof check>) => refusalOf(() => check(...args));

const CASES = {
  INTAKE: aCaseAt('INTAKE'),
  DISPOSITION: aCaseAt('DISPOSITION'),
  'DISPOSITION with a proposal': aCaseAt('DISPOSITION', { pendingProposal: true }),
  INQUIRY: aCaseAt('INQUIRY'),
  VERIFICATION: aCaseAt('VERIFICATION'),
  'VERIFICATION with a report': aCaseAt('VERIFICATION', { pendingProposal: true }),
  INVESTIGATION: aCaseAt('INVESTIGATION'),
  'INVESTIGATION with a report': aCaseAt('INVESTIGATION', { pendingProposal: true }),
  DECIDED: aCaseAt('DECIDED'),
} satisfies Record<string, DrivenCase>;
type Situation = keyof typeof CASES;
const investigationWithEvidence = withStatementsHeard(andThen(CASES.INVESTIGATION, 'addEvidence', CASES.INVESTIGATION.cast.caseOfficer));
const assignee = (c: DrivenCase) => c.cast.caseOfficer;

describe('checkAction: version', () => {
  const c = CASES.DISPOSITION;

  it.each([
    ['an older', -1],
    ['a newer', 1],
  ])('refuses a request that expected %s version', (_which, offset) => {
    const error = refusal(c, 'proposeDisposition', assignee(c), aPayload('proposeDisposition'), c.state.version + offset);
    expect(error).toMatchObject({ code: DomainErrorCode.CONFLICT, reason: 'STALE_VERSION' });
    expect(error.message).toContain(`version ${c.state.version}`);
  });

  it.each([
    ['no version', undefined],
    ['the current version', c.state.version],
  ])('proceeds when the request expects %s', (_what, version) => {
    expect(() => check(c, 'proposeDisposition', assignee(c), aPayload('proposeDisposition'), version)).not.toThrow();
  });

  it('reports a stale version before anything else', () => {
    const closed = aCaseState({ stage: 'CLOSED', version: 7 });
    const error = refusalOf(() => checkAction(closed, 'approve', aRequest(anAuditor(), { nonsense: 1 } as never, 6), new Date('2026-03-03T00:00:00Z')));
    expect(error.reason).toBe('STALE_VERSION');
  });
});

describe('checkAction: proposals', () => {
  it.each<[ActionName, Situation, (c: DrivenCase) => Actor]>([
    ['proposeDisposition', 'DISPOSITION with a proposal', assignee],
    ['transferClue', 'DISPOSITION with a proposal', assignee],
    ['submitVerificationReport', 'VERIFICATION with a report', assignee],
    ['addEvidence', 'INVESTIGATION with a report', assignee],
    ['submitInvestigationReport', 'INVESTIGATION with a report', assignee],
  ])('refuses %s in %s', (action, situation, who) => {
    const c = CASES[situation];
    expect(refusal(c, action, who(c))).toMatchObject({ code: DomainErrorCode.CONFLICT, reason: 'PENDING_APPROVAL' });
  });

  it.each(
    (['approve', 'return'] as const).flatMap((action) =>
      (['DISPOSITION', 'VERIFICATION', 'INVESTIGATION'] as const).map((situation) => [action, situation] as const),
    ),
  )('refuses %s in %s, where nothing waits', (action, situation) => {
    const c = CASES[situation];
    expect(refusal(c, action, c.cast.supervisor)).toMatchObject({ code: DomainErrorCode.CONFLICT, reason: 'NO_PENDING_APPROVAL' });
  });

  it.each([
    ['with the full payload', {}],
    ['when only listing actions', { ignorePayload: true }],
  ])('refuses an investigation report without evidence %s', (_when, options) => {
    const c = CASES.INVESTIGATION;
    const request = aRequest(assignee(c), aPayload('submitInvestigationReport'));
    const error = refusalOf(() => checkAction(c.state, 'submitInvestigationReport', request, next(c), options));
    expect(error).toMatchObject({ code: DomainErrorCode.CONFLICT, reason: 'NO_EVIDENCE' });
  });

  it('accepts an investigation report once there is evidence', () => {
    expect(() => check(investigationWithEvidence, 'submitInvestigationReport', assignee(investigationWithEvidence))).not.toThrow();
  });

  it('lets anyone on the staff declare a conflict while a proposal waits', () => {
    for (const actor of [anIntakeOfficer(), aCaseOfficer(), aSupervisor(), anAuditor(), anAdmin()]) {
      expect(() => check(CASES['VERIFICATION with a report'], 'declareConflict', actor)).not.toThrow();
    }
  });

  it('lets a supervisor reassign while a proposal waits', () => {
    const c = CASES['INVESTIGATION with a report'];
    expect(() => check(c, 'reassign', aSupervisor(), aPayload('reassign', { toUserId: aUuid() }))).not.toThrow();
  });
});

describe('checkAction: payload', () => {
  it('refuses a malformed payload, naming every field', () => {
    const c = CASES.DISPOSITION;
    const error = refusal(c, 'proposeDisposition', assignee(c), { disposition: 'DISMISS', urgent: true });
    expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, reason: 'INVALID_INPUT' });
    expect(error.fields.map((f) => f.field)).toEqual(['urgent', 'disposition', 'reason']);
    expect(error.message).toBe(error.fields.map((f) => `${f.field}: ${f.message}`).join('; '));
  });

  it('ignores the payload when only listing actions', () => {
    const c = CASES.DISPOSITION;
    const request = aRequest(assignee(c), {} as ActionPayloads['proposeDisposition']);
    expect(() => checkAction(c.state, 'proposeDisposition', request, next(c), { ignorePayload: true })).not.toThrow();
  });

  describe('acceptClue', () => {
    const c = CASES.INTAKE;

    it('needs an assignee when an intake officer accepts', () => {
      const error = refusal(c, 'acceptClue', c.cast.intakeOfficer, aPayload('acceptClue'));
      expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'assigneeId', message: expect.any(String) }] });
    });

    it.each([
      ['a case officer', aCaseOfficer()],
      ['an intake officer who is also a case officer', anActor({ roles: ['INTAKE_OFFICER', 'CASE_OFFICER'] })],
    ])('lets %s accept without naming an assignee', (_who, actor) => {
      expect(() => check(c, 'acceptClue', actor, aPayload('acceptClue'))).not.toThrow();
    });
  });

  describe('recordInquiryOutcome (retired: conclusions are proposed and approved)', () => {
    const c = CASES.INQUIRY;

    it('refuses a new request, naming the action that replaced it', () => {
      expect(refusal(c, 'recordInquiryOutcome', assignee(c), aPayload('recordInquiryOutcome'))).toMatchObject({ code: DomainErrorCode.CONFLICT, reason: 'RETIRED' });
    });

    it('re-applies one admitted before (a replay) as it was accepted', () => {
      const request = aRequest(assignee(c), aPayload('recordInquiryOutcome', { outcome: 'REPEAT_OR_VERIFY' }));
      expect(applyAction(c.state, 'recordInquiryOutcome', request, next(c)).state.stage).toBe('VERIFICATION');
    });
  });

  describe('proposeInquiryConclusion', () => {
    const c = andThen(CASES.INQUIRY, 'recordInquiryTalk', CASES.INQUIRY.cast.caseOfficer);

    it.each([
      ['LIGHT_HANDLING', undefined, 'is required for LIGHT_HANDLING'],
      ['ACCEPT_EXPLANATION_AND_CLOSE', 'REMINDER_TALK', 'is only used with LIGHT_HANDLING'],
      ['VERIFY', 'ADMONISHMENT', 'is only used with LIGHT_HANDLING'],
    ] as const)('refuses %s with measure %s', (outcome, measure, message) => {
      const error = refusal(c, 'proposeInquiryConclusion', assignee(c), aPayload('proposeInquiryConclusion', { outcome, measure }));
      expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'measure', message }] });
    });

    it.each([
      ['LIGHT_HANDLING', 'CRITICAL_EDUCATION'],
      ['ACCEPT_EXPLANATION_AND_CLOSE', undefined],
      ['REPEAT_INQUIRY', undefined],
      ['VERIFY', undefined],
    ] as const)('accepts %s with measure %s', (outcome, measure) => {
      expect(() => check(c, 'proposeInquiryConclusion', assignee(c), aPayload('proposeInquiryConclusion', { outcome, measure }))).not.toThrow();
    });

    it('refuses the combined REPEAT_OR_VERIFY of earlier records, naming the outcome', () => {
      expect(refusal(c, 'proposeInquiryConclusion', assignee(c), aPayload('proposeInquiryConclusion', { outcome: 'REPEAT_OR_VERIFY' }))).toMatchObject({ fields: [{ field: 'outcome' }] });
    });
  });

  describe('submitInvestigationReport', () => {
    const c = investigationWithEvidence;
    const report = (changes: Partial<ActionPayloads['submitInvestigationReport']>) => aPayload('submitInvestigationReport', changes);

    it.each([
      ['EXEMPTED', [{ form: 'ADMONISHMENT' }], 'must be empty when the leniency is EXEMPTED'],
      ['NORMAL', [], 'must name at least one accountability form'],
      ['LIGHTER', [], 'must name at least one accountability form'],
    ] as const)('refuses leniency %s with forms %j', (leniency, forms, message) => {
      const error = refusal(c, 'submitInvestigationReport', assignee(c), report({ leniency, forms: [...forms] }));
      expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'forms', message }] });
    });

    it('accepts an exemption (免予问责) without forms, on its grounds of art. 17', () => {
      expect(() => check(c, 'submitInvestigationReport', assignee(c), report({ leniency: 'EXEMPTED', forms: [], grounds: ['FORCE_MAJEURE'] }))).not.toThrow();
    });

    it.each([
      ['EXEMPTED', undefined, 'are required for EXEMPTED (问责条例 art. 17)'],
      ['LIGHTER', ['FORCE_MAJEURE'], 'FORCE_MAJEURE are not grounds of art. 18 for LIGHTER'],
      ['AGGRAVATED', ['TIMELY_REMEDY'], 'TIMELY_REMEDY are not grounds of art. 19 for AGGRAVATED'],
      ['NORMAL', ['TIMELY_REMEDY'], 'are given only with a leniency other than NORMAL'],
      ['REDUCED', ['TIMELY_REMEDY', 'TIMELY_REMEDY'], 'must not repeat a ground'],
    ] as const)('refuses a %s report whose grounds are %j, naming the field', (leniency, grounds, message) => {
      const forms = leniency === 'EXEMPTED' ? [] : [{ form: 'ADMONISHMENT' as const }];
      const error = refusal(c, 'submitInvestigationReport', assignee(c), report({ leniency, forms, ...(grounds ? { grounds: [...grounds] } : {}) }));
      expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'grounds', message }] });
    });

    it('applies the grounds rule to new reports only: a report admitted before it replays as it was accepted', () => {
      const request = aRequest(assignee(c), report({ leniency: 'EXEMPTED', forms: [] }));
      expect(() => checkAction(c.state, 'submitInvestigationReport', request, next(c), { admitted: true })).not.toThrow();
      expect(applyAction(c.state, 'submitInvestigationReport', request, next(c)).state.pendingApproval).toMatchObject({ kind: 'INVESTIGATION_REPORT', leniency: 'EXEMPTED' });
    });
  });

  describe('serveDecision', () => {
    const c = CASES.DECIDED;
    const approvedAt = new Date(c.state.decision!.approvedAt);
    const now = next(c);
    const serveAt = (servedAt: string) => aPayload('serveDecision', { servedAt });

    it.each([
      ['more than five minutes in the future', minutesAfter(now, 5.01).toISOString(), 'must not be in the future'],
      ['a day in the future', minutesAfter(now, 24 * 60).toISOString(), 'must not be in the future'],
      ['before the decision was approved', minutesAfter(approvedAt, -1).toISOString(), 'must not be before the decision was approved'],
    ])('refuses a servedAt %s', (_when, servedAt, message) => {
      const error = refusal(c, 'serveDecision', assignee(c), serveAt(servedAt));
      expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'servedAt', message }] });
    });

    it.each([
      ['at the approval', approvedAt.toISOString()],
      ['now, in Beijing time', inBeijingTime(now)],
      ['within the five minutes allowed for clock skew', minutesAfter(now, 5).toISOString()],
    ])('accepts a servedAt %s', (_when, servedAt) => {
      expect(() => check(c, 'serveDecision', assignee(c), serveAt(servedAt))).not.toThrow();
    });
  });

  it('refuses to reassign a case to its assignee', () => {
    const c = CASES.VERIFICATION;
    const error = refusal(c, 'reassign', c.cast.supervisor, aPayload('reassign', { toUserId: assignee(c).userId }));
    expect(error).toMatchObject({ code: DomainErrorCode.CONFLICT, reason: 'SAME_ASSIGNEE' });
  });
});
