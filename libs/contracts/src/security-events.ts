import type { Label } from './labels';

/**
 * What the security-event log records (安全审计): sign-ins and their refusals, the sessions ended, publications of the
 * rules cases run under, refused case actions, requests for and reveals of a reporter's identity, and each opening of
 * sealed Temporal payloads (the Web UI's codec endpoint).
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
};

export const isSecurityEventKind = (value: unknown): value is SecurityEventKind =>
  typeof value === 'string' && (SECURITY_EVENT_KINDS as readonly string[]).includes(value);
