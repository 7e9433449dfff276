import { deadlineNoticeAudience } from './deadline-notices';

describe('who is told of a deadline rung', () => {
  it.each([
    ['REMINDER', true, ['ASSIGNEE']],
    ['REMINDER', false, ['UNIT_SUPERVISORS']],
    ['YELLOW_CARD', true, ['ASSIGNEE']],
    ['YELLOW_CARD', false, ['UNIT_SUPERVISORS']],
    ['RED_CARD', true, ['ASSIGNEE', 'UNIT_SUPERVISORS']],
    ['RED_CARD', false, ['UNIT_SUPERVISORS']],
    ['ESCALATION', true, ['HIGHER_SUPERVISORS']],
    ['ESCALATION', false, ['HIGHER_SUPERVISORS']],
  ] as const)('a %s, with an assignee: %s, goes to %j', (kind, hasAssignee, audience) => {
    expect(deadlineNoticeAudience(kind, hasAssignee)).toEqual(audience);
  });
});
