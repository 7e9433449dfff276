import type { Label } from './labels';

export const ROLES = ['INTAKE_OFFICER', 'CASE_OFFICER', 'TRIAL_OFFICER', 'SUPERVISOR', 'AUDITOR', 'ADMIN', 'SUBJECT'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Label> = {
  INTAKE_OFFICER: { zh: '受理人员', en: 'Intake officer' },
  CASE_OFFICER: { zh: '承办人员', en: 'Case officer' },
  // 案件审理室: reviews a discipline case's file apart from those who investigated it (审查调查与审理分离).
  TRIAL_OFFICER: { zh: '审理人员', en: 'Trial officer (case review)' },
  SUPERVISOR: { zh: '审批领导', en: 'Supervisor' },
  AUDITOR: { zh: '审计人员', en: 'Auditor' },
  ADMIN: { zh: '系统管理员', en: 'Administrator' },
  SUBJECT: { zh: '被问责干部本人', en: 'Official concerned' },
};

/** Who performs an action, as the API vouches for it to the workflow. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string;
}
