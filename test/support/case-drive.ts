import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';
import { anAssessmentAnswers } from '@dandang/testing/factories';
import { act, register, type HttpDriver } from './actions';
import { aClue } from './clue';

/** The official a case is about: by default the demo account `subject1`; pass a name for an official without one. */
export function aSubject(name?: string): Record<string, unknown> {
  return name
    ? { name, position: '科长', orgUnitId: DEMO_ORG_UNITS.districtA.id }
    : { name: '张三', position: '街道办事处主任', orgUnitId: DEMO_ORG_UNITS.districtA.id, userId: DEMO_USERS.subject1.id };
}

async function ok(response: Promise<{ status: number; body: unknown }>, what: string) {
  const r = await response;
  if (r.status !== 200 && r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

/** A case filed for investigation (立案) with evidence, officer1 handling it; returns its id. */
export async function aCaseUnderInvestigation(h: HttpDriver, subject = aSubject()): Promise<string> {
  const id = (await ok(register(h, 'intake1', aClue({ subject })), 'register')).id as string;
  await ok(act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }), 'accept');
  await fileForInvestigation(h, id);
  await ok(act(h, 'officer1', id, 'addEvidence', { kind: 'DOCUMENT', description: '会议纪要' }), 'evidence');
  return id;
}

/** A case in DISPOSITION with officer1 as its assignee, verified and filed for investigation (立案). */
export async function fileForInvestigation(h: HttpDriver, id: string): Promise<void> {
  await ok(act(h, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' }), 'dispose');
  await ok(act(h, 'supervisor1', id, 'approve', {}), 'approve disposition');
  await ok(act(h, 'officer1', id, 'submitVerificationReport', { finding: 'PROPOSE_CASE_FILING', summary: '建议立案' }), 'verify');
  await ok(act(h, 'supervisor2', id, 'approve', {}), 'approve filing');
}

export const PROPOSED_FORMS = [{ form: 'ADMONISHMENT' }, { form: 'ORGANIZATIONAL_MEASURE', subtype: 'POSITION_ADJUSTMENT' }];

export async function submitReport(h: HttpDriver, id: string, forms: object[] = PROPOSED_FORMS) {
  return ok(act(h, 'officer1', id, 'submitInvestigationReport', { facts: '推进改革中审批失误', responsibilityLevel: 'DIRECT', forms, leniency: 'NORMAL' }), 'report');
}

/** A case whose decision (admonishment) was approved by supervisor1 and served. */
export async function aServedCase(h: HttpDriver, subject = aSubject()): Promise<string> {
  const id = await aCaseUnderInvestigation(h, subject);
  await submitReport(h, id, [{ form: 'ADMONISHMENT' }]);
  await ok(act(h, 'supervisor1', id, 'approve', { comment: '同意' }), 'decide');
  await ok(act(h, 'officer1', id, 'serveDecision', { servedAt: new Date().toISOString(), method: 'IN_PERSON' }), 'serve');
  return id;
}

/** Assessment answers (核实) as the request body of submitAssessment, which the API completes with the history. */
export const anAssessmentBody = (overrides: Parameters<typeof anAssessmentAnswers>[0] = {}): Record<string, unknown> => ({ ...anAssessmentAnswers(overrides) });
