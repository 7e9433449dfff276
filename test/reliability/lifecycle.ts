import { DEMO_USERS } from '@dandang/persistence';
import type { DemoUserName } from '../support/api-harness';

/** One step of a case lifecycle through the API: who does what, with which body. */
export interface LifecycleStep {
  user: DemoUserName;
  action: string;
  body: () => Record<string, unknown>;
}

/** Registration (version 1) to a served decision (version 10): the nine actions after registration. */
export const SERVED_LIFECYCLE: LifecycleStep[] = [
  { user: 'intake1', action: 'acceptClue', body: () => ({ assigneeId: DEMO_USERS.officer1.id }) },
  { user: 'officer1', action: 'proposeDisposition', body: () => ({ disposition: 'PRELIMINARY_VERIFICATION', reason: '反映问题具体，需初核' }) },
  { user: 'supervisor1', action: 'approve', body: () => ({ comment: '同意初核' }) },
  { user: 'officer1', action: 'submitVerificationReport', body: () => ({ finding: 'PROPOSE_CASE_FILING', summary: '初核发现问题属实，建议立案' }) },
  { user: 'supervisor2', action: 'approve', body: () => ({}) },
  { user: 'officer1', action: 'addEvidence', body: () => ({ kind: 'DOCUMENT', description: '群众来信及街道办签收记录', sha256: 'a'.repeat(64) }) },
  {
    user: 'officer1',
    action: 'submitInvestigationReport',
    body: () => ({
      facts: '对群众反映问题长期不作为，造成不良影响',
      responsibilityLevel: 'DIRECT',
      forms: [{ form: 'ADMONISHMENT' }],
      leniency: 'NORMAL',
    }),
  },
  { user: 'supervisor1', action: 'approve', body: () => ({ comment: '同意问责' }) },
  { user: 'officer1', action: 'serveDecision', body: () => ({ servedAt: new Date().toISOString(), method: 'IN_PERSON' }) },
];

export const SERVED_TIMELINE = ['registerClue', ...SERVED_LIFECYCLE.map((s) => s.action)];
