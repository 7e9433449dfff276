import { Card, Descriptions, Tag } from 'antd';
import { DECISION_BODIES, STAGE_LABELS, VOTE_CHOICES, type CollectiveDecisionRecord, type PersonConcerned } from '@dandang/contracts';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { FindingsTable } from './FindingsTable';

/** The meetings of collective bodies on the case: body, time, members, each vote with its dissent, carried or not. */
export function CollectiveDecisions({ meetings, persons, who }: { meetings: readonly CollectiveDecisionRecord[]; persons: readonly PersonConcerned[]; who(id: string): string }) {
  const { l } = useLocale();
  return (
    <Card size="small" title={l(STAGE_LABELS.DELIBERATION)} style={{ marginBottom: 16 }} data-testid="collective-decisions">
      {meetings.map((m, i) => (
        <Meeting key={i} meeting={m} persons={persons} who={who} />
      ))}
    </Card>
  );
}

function Meeting({ meeting: m, persons, who }: { meeting: CollectiveDecisionRecord; persons: readonly PersonConcerned[]; who(id: string): string }) {
  const { t, l } = useLocale();
  const forCount = m.votes.filter((v) => v.vote === 'FOR').length;
  return (
    <div data-meeting={m.body} data-carried={m.carried} style={{ marginBottom: 12 }}>
      <Descriptions
        size="small"
        bordered
        column={2}
        title={
          <>
            {l(DECISION_BODIES[m.body])} · {formatTime(m.meetingAt)} <Tag color={m.carried ? 'green' : 'red'}>{t(m.carried ? 'carried' : 'notCarried')}</Tag>
          </>
        }
        items={[
          { key: 'members', label: t('member'), children: t('meetingMembers', { n: String(m.memberCount), m: String(m.votes.length), for: String(forCount) }), span: 2 },
          {
            key: 'votes',
            label: t('vote'),
            span: 2,
            children: (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {m.votes.map((v) => (
                  <li key={v.memberId} data-vote={v.vote}>
                    {who(v.memberId)}：{l(VOTE_CHOICES[v.vote])}
                    {v.opinion ? ` — ${v.opinion}` : ''}
                  </li>
                ))}
              </ul>
            ),
          },
          { key: 'minutes', label: t('minutes'), children: m.minutes, span: 2 },
        ]}
      />
      {m.findings && (
        <>
          <div style={{ margin: '8px 0 4px' }}>{t('decidedOtherwise')}</div>
          <FindingsTable findings={m.findings} persons={persons} />
        </>
      )}
    </div>
  );
}
