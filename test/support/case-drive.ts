import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';
import { DEMO_COMMITTEE_VOTES } from '@dandang/testing';
import { anAssessmentAnswers } from '@dandang/testing/factories';
import { act, register, type HttpDriver } from './actions';
import { aClue } from './clue';

/** The official a case is about: by default the demo account `subject1`; pass a name for an official without one. */
export function aSubject(name?: string): Record<string, unknown> {
  return name
    ? { name, position: '科长', orgUnitId: DEMO_ORG_UNITS.districtA.id }
    : { name: '张三', position: '街道办事处主任', orgUnitId: DEMO_ORG_UNITS.districtA.id, userId: DEMO_USERS.subject1.id };
}

/** The body of a request that must succeed; otherwise fails, naming what was tried and the answer. */
export async function ok(response: Promise<{ status: number; body: unknown }>, what: string) {
  const r = await response;
  if (r.status !== 200 && r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

type Filing = 'PROPOSE_ACCOUNTABILITY' | 'PROPOSE_CASE_FILING';

/**
 * A case under investigation with evidence, the facts shown to its official and their statement recorded (陈述申辩),
 * officer1 handling it: an accountability inquiry (启动问责) unless `filing` says a discipline case. Returns its id.
 */
export async function aCaseUnderInvestigation(h: HttpDriver, subject = aSubject(), filing: Filing = 'PROPOSE_ACCOUNTABILITY'): Promise<string> {
  const id = (await ok(register(h, 'intake1', aClue({ subject })), 'register')).id as string;
  await ok(act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }), 'accept');
  await fileForInvestigation(h, id, filing);
  await ok(act(h, 'officer1', id, 'addEvidence', { kind: 'DOCUMENT', description: '会议纪要' }), 'evidence');
  await hearStatement(h, id, 'P1');
  return id;
}

/** The facts shown to a person concerned and their answer recorded, signed. */
export async function hearStatement(h: HttpDriver, id: string, personId: string): Promise<void> {
  await ok(act(h, 'officer1', id, 'presentFactMaterials', { personId, presentedAt: new Date().toISOString() }), `show ${personId} the facts`);
  await ok(act(h, 'officer1', id, 'recordStatement', { personId, receivedAt: new Date().toISOString(), summary: '对事实无异议', signature: 'SIGNED' }), `${personId} statement`);
}

/**
 * A case in DISPOSITION with officer1 as its assignee, verified and filed: an accountability inquiry unless `filing`
 * says otherwise, its inquiry team officer1 with `team` (officer2 unless named).
 */
export async function fileForInvestigation(h: HttpDriver, id: string, filing: Filing = 'PROPOSE_ACCOUNTABILITY', team: string[] = [DEMO_USERS.officer2.id]): Promise<void> {
  await ok(act(h, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' }), 'dispose');
  await ok(act(h, 'supervisor1', id, 'approve', {}), 'approve disposition');
  await ok(act(h, 'officer1', id, 'submitVerificationReport', { finding: filing, summary: '建议立案' }), 'verify');
  // The inquiry team: officer1 with at least one more.
  await ok(act(h, 'supervisor2', id, 'approve', { investigationTeam: team }), 'approve filing');
}

/**
 * The report approved by supervisor1 and decided by the standing committee (its meeting recorded by supervisor2): the
 * decision of an accountability inquiry whose forms the commission decides.
 */
export async function approveAndDecide(h: HttpDriver, id: string, meeting: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  await ok(act(h, 'supervisor1', id, 'approve', { comment: '同意' }), 'approve report');
  return ok(act(h, 'supervisor2', id, 'recordCollectiveDecision', { ...DEMO_COMMITTEE_VOTES(), ...meeting }), 'collective decision');
}

export const PROPOSED_FORMS = [{ form: 'ADMONISHMENT' }, { form: 'ORGANIZATIONAL_MEASURE', subtype: 'POSITION_ADJUSTMENT' }];

export async function submitReport(h: HttpDriver, id: string, forms: object[] = PROPOSED_FORMS) {
  return ok(act(h, 'officer1', id, 'submitInvestigationReport', { facts: '推进改革中审批失误', responsibilityLevel: 'DIRECT', forms, leniency: 'NORMAL' }), 'report');
}

/** A case whose decision (admonishment) the standing committee made, served. */
export async function aServedCase(h: HttpDriver, subject = aSubject()): Promise<string> {
  const id = await aCaseUnderInvestigation(h, subject);
  await submitReport(h, id, [{ form: 'ADMONISHMENT' }]);
  await approveAndDecide(h, id);
  await ok(act(h, 'officer1', id, 'serveDecision', { servedAt: new Date().toISOString(), method: 'IN_PERSON' }), 'serve');
  return id;
}

/** Assessment answers (核实) as the request body of submitAssessment, which the API completes with the history. */
export const anAssessmentBody = (overrides: Parameters<typeof anAssessmentAnswers>[0] = {}): Record<string, unknown> => ({ ...anAssessmentAnswers(overrides) });
