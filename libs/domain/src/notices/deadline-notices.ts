import type { RungKind } from '@dandang/contracts';

/** Groups of people a notice goes to; the caller looks up who they are. */
export type NoticeAudience = 'ASSIGNEE' | 'UNIT_SUPERVISORS' | 'HIGHER_SUPERVISORS';

/**
 * Who is told of a deadline rung (催办, 亮牌, 督办): reminders and yellow cards go to the assignee, or to the unit's
 * supervisors while nobody is assigned; red cards to the assignee and the unit's supervisors; escalations to the
 * supervisors of the unit above. In the order the recipients are listed.
 */
export function deadlineNoticeAudience(kind: RungKind, hasAssignee: boolean): NoticeAudience[] {
  switch (kind) {
    case 'REMINDER':
    case 'YELLOW_CARD':
      return hasAssignee ? ['ASSIGNEE'] : ['UNIT_SUPERVISORS'];
    case 'RED_CARD':
      return hasAssignee ? ['ASSIGNEE', 'UNIT_SUPERVISORS'] : ['UNIT_SUPERVISORS'];
    case 'ESCALATION':
      return ['HIGHER_SUPERVISORS'];
  }
}

/**
 * The users a notice finally goes to: each once, and never one recused from the case, for whom the case does not
 * exist (a notice would name it and its title).
 */
export function noticeRecipients(members: readonly string[], recusedUserIds: readonly string[]): string[] {
  return [...new Set(members)].filter((id) => !recusedUserIds.includes(id));
}
