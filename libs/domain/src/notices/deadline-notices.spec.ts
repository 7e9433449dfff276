import { deadlineNoticeAudience, noticeRecipients } from './deadline-notices';

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

describe('who finally receives a notice', () => {
  it('is each member once, in order, without those recused from the case', () => {
    expect(noticeRecipients(['sup-1', 'officer-1', 'sup-2', 'sup-1'], ['sup-2', 'subject-1'])).toEqual(['sup-1', 'officer-1']);
  });
});
