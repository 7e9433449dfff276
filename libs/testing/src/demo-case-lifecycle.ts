import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';

/** A valid clue registration body (POST /api/cases); override what a test or benchmark is about. */
export function aClue(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '某街道办对群众反映的噪音问题长期不作为',
    summary: '居民多次反映夜间施工噪音，街道办半年未处理。',
    channel: 'PUBLIC',
    intakeMethod: 'LETTER',
    subject: { name: '张三', position: '街道办事处主任', orgUnitId: DEMO_ORG_UNITS.districtA.id },
    reporter: { name: '李四', contact: '13800000000' },
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    ...overrides,
  };
}

/** One step of a case lifecycle through the API: which demo user does what, with which body. */
export interface LifecycleStep {
  user: keyof typeof DEMO_USERS;
  action: string;
  body: () => Record<string, unknown>;
}

/** The members' votes of a standing committee meeting: three of five demo supervisors, all for. */
export const DEMO_COMMITTEE_VOTES = (): Record<string, unknown> => ({
  body: 'COMMISSION_STANDING_COMMITTEE',
  meetingAt: new Date().toISOString(),
  memberCount: 5,
  votes: [DEMO_USERS.supervisor1.id, DEMO_USERS.supervisor2.id, DEMO_USERS.supervisor3.id].map((memberId) => ({ memberId, vote: 'FOR' })),
  minutes: '常委会会议研究，同意给予诫勉',
});

/**
 * Registration (version 1) to a served decision (version 13): the twelve actions after registration, an
 * accountability inquiry (启动问责) decided by the standing committee.
 */
export const SERVED_LIFECYCLE: LifecycleStep[] = [
  { user: 'intake1', action: 'acceptClue', body: () => ({ assigneeId: DEMO_USERS.officer1.id }) },
  { user: 'officer1', action: 'proposeDisposition', body: () => ({ disposition: 'PRELIMINARY_VERIFICATION', reason: '反映问题具体，需初核' }) },
  { user: 'supervisor1', action: 'approve', body: () => ({ comment: '同意初核' }) },
  { user: 'officer1', action: 'submitVerificationReport', body: () => ({ finding: 'PROPOSE_ACCOUNTABILITY', summary: '初核发现问题属实，建议启动问责' }) },
  { user: 'supervisor2', action: 'approve', body: () => ({ investigationTeam: [DEMO_USERS.officer2.id] }) },
  { user: 'officer1', action: 'addEvidence', body: () => ({ kind: 'DOCUMENT', description: '群众来信及街道办签收记录', sha256: 'a'.repeat(64) }) },
  { user: 'officer1', action: 'presentFactMaterials', body: () => ({ personId: 'P1', presentedAt: new Date().toISOString() }) },
  { user: 'officer1', action: 'recordStatement', body: () => ({ personId: 'P1', receivedAt: new Date().toISOString(), summary: '对事实无异议', signature: 'SIGNED' }) },
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
  { user: 'supervisor1', action: 'approve', body: () => ({ comment: '同意调查报告，提请常委会研究' }) },
  { user: 'supervisor2', action: 'recordCollectiveDecision', body: DEMO_COMMITTEE_VOTES },
  { user: 'officer1', action: 'serveDecision', body: () => ({ servedAt: new Date().toISOString(), method: 'IN_PERSON' }) },
];

/** The version of a case once SERVED_LIFECYCLE has served it: registration, then one version per step. */
export const SERVED_VERSION = SERVED_LIFECYCLE.length + 1;
