import type { Label } from './labels';

/**
 * What the security-event log records (安全审计): sign-ins and their refusals, the sessions ended, publications of the
 * rules cases run under, refused case actions, requests for and reveals of a reporter's identity, and each opening of
 * sealed Temporal payloads (the Web UI's codec endpoint), and every change an administrator makes to units and users;
 * exports of case lists, figures and reports and of a case's audit trail (sensitive reads: what, never its content).
 */
export const SECURITY_EVENT_KINDS = [
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'LOGIN_LOCKED',
  'LOGGED_OUT',
  'PASSWORD_CHANGED',
  'TOKENS_REVOKED',
  'POLICY_PUBLISHED',
  'CALENDAR_PUBLISHED',
  'ACTION_REFUSED',
  'REPORTER_IDENTITY_REQUESTED',
  'REPORTER_IDENTITY_APPROVED',
  'REPORTER_IDENTITY_REVEALED',
  'REPORTER_IDENTITY_ERASED',
  'TEMPORAL_PAYLOADS_DECODED',
  'EVIDENCE_DOWNLOADED',
  'DOCUMENT_DOWNLOADED',
  'DOCUMENT_TEMPLATE_REPLACED',
  'ORG_UNIT_CREATED',
  'ORG_UNIT_RENAMED',
  'ORG_UNIT_MOVED',
  'ORG_UNIT_RETIRED',
  'USER_CREATED',
  'USER_ROLES_CHANGED',
  'USER_UNIT_CHANGED',
  'USER_DEACTIVATED',
  'USER_REACTIVATED',
  'USER_PASSWORD_RESET',
  'DIRECTORY_IMPORTED',
  'CASES_EXPORTED',
  'AUDIT_TRAIL_EXPORTED',
  'OFFICIAL_EFFECTS_READ',
  'OFFICIAL_EFFECTS_EXPORTED',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export const SECURITY_EVENT_KIND_LABELS: Record<SecurityEventKind, Label> = {
  LOGIN_SUCCEEDED: { zh: '登录成功', en: 'Signed in' },
  LOGIN_FAILED: { zh: '登录失败', en: 'Sign-in failed' },
  LOGIN_LOCKED: { zh: '登录锁定', en: 'Sign-in locked' },
  LOGGED_OUT: { zh: '退出登录', en: 'Signed out' },
  PASSWORD_CHANGED: { zh: '修改密码', en: 'Password changed' },
  TOKENS_REVOKED: { zh: '登录凭证作废', en: 'Sessions revoked' },
  POLICY_PUBLISHED: { zh: '发布时限规则', en: 'Policy published' },
  CALENDAR_PUBLISHED: { zh: '发布节假日历', en: 'Calendar published' },
  ACTION_REFUSED: { zh: '操作被拒绝', en: 'Action refused' },
  REPORTER_IDENTITY_REQUESTED: { zh: '申请查看举报人身份', en: 'Reporter identity requested' },
  REPORTER_IDENTITY_APPROVED: { zh: '批准查看举报人身份', en: 'Reporter identity approved' },
  REPORTER_IDENTITY_REVEALED: { zh: '查看举报人身份', en: 'Reporter identity revealed' },
  REPORTER_IDENTITY_ERASED: { zh: '举报人身份保存期满删除', en: 'Reporter identity erased (retention ended)' },
  TEMPORAL_PAYLOADS_DECODED: { zh: '解密查看工作流数据', en: 'Temporal payloads decoded (Web UI)' },
  EVIDENCE_DOWNLOADED: { zh: '下载证据文件', en: 'Evidence file downloaded' },
  DOCUMENT_DOWNLOADED: { zh: '下载文书', en: 'Document downloaded' },
  DOCUMENT_TEMPLATE_REPLACED: { zh: '更换文书模板', en: 'Document template replaced' },
  CASES_EXPORTED: { zh: '导出案件数据', en: 'Cases exported' },
  AUDIT_TRAIL_EXPORTED: { zh: '导出审计链', en: 'Audit trail exported' },
  OFFICIAL_EFFECTS_READ: { zh: '查看干部影响期登记', en: 'Register of effects read' },
  OFFICIAL_EFFECTS_EXPORTED: { zh: '导出干部影响期登记', en: 'Register of effects exported' },
  ORG_UNIT_CREATED: { zh: '新建单位', en: 'Org unit created' },
  ORG_UNIT_RENAMED: { zh: '单位更名', en: 'Org unit renamed' },
  ORG_UNIT_MOVED: { zh: '调整单位隶属', en: 'Org unit moved' },
  ORG_UNIT_RETIRED: { zh: '撤销单位', en: 'Org unit retired' },
  USER_CREATED: { zh: '新建用户', en: 'User created' },
  USER_ROLES_CHANGED: { zh: '变更用户角色', en: 'User roles changed' },
  USER_UNIT_CHANGED: { zh: '调整用户所在单位', en: 'User moved to another unit' },
  USER_DEACTIVATED: { zh: '停用用户', en: 'User deactivated' },
  USER_REACTIVATED: { zh: '启用用户', en: 'User reactivated' },
  USER_PASSWORD_RESET: { zh: '重置密码', en: 'Password reset' },
  DIRECTORY_IMPORTED: { zh: '批量导入单位和用户', en: 'Units and users imported' },
};

export const isSecurityEventKind = (value: unknown): value is SecurityEventKind =>
  typeof value === 'string' && (SECURITY_EVENT_KINDS as readonly string[]).includes(value);
