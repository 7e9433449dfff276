import { Card, Table, Tag } from 'antd';
import { ACTION_SPECS, PERSON_KINDS, STATEMENT_SIGNATURES, type Label, type PersonConcerned } from '@dandang/contracts';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';

/**
 * The persons and organisations the case concerns, called as the case calls them now (被审查调查人, 被问责人), each with
 * where their statement stands: facts shown when, the answer due by when, and the answer, signed or refused.
 */
export function PersonsPanel({ persons, term }: { persons: readonly PersonConcerned[]; term: Label }) {
  const { t, l } = useLocale();
  return (
    <Card size="small" title={l(term)} style={{ marginBottom: 16 }} data-testid="persons">
      <Table<PersonConcerned>
        rowKey="personId"
        size="small"
        pagination={false}
        dataSource={[...persons]}
        onRow={(p) => ({ 'data-person': p.personId }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '#', dataIndex: 'personId', width: 50 },
          { title: t('subjectName'), render: (_, p) => `${p.name}（${p.position}）` },
          { title: t('personKind'), render: (_, p) => <Tag>{l(PERSON_KINDS[p.kind])}</Tag>, width: 90 },
          { title: t('statement'), render: (_, p) => <StatementStatus person={p} /> },
        ]}
      />
    </Card>
  );
}

function StatementStatus({ person }: { person: PersonConcerned }) {
  const { t, l } = useLocale();
  const st = person.statement;
  if (!st) return <span data-statement="NOT_SHOWN">{t('factsNotShown')}</span>;
  const shown = t('factsShownAt', { at: formatTime(st.presentedAt) });
  if (!st.answer) {
    return (
      <span data-statement="AWAITED">
        {shown} · {st.deadline ? t('answerDueBy', { at: formatTime(st.deadline.dueAt) }) : t('answerAwaited')}
      </span>
    );
  }
  return (
    <span data-statement={st.answer.signature}>
      {shown} · {formatTime(st.answer.receivedAt)}：{st.answer.summary}{' '}
      <Tag color={st.answer.signature === 'SIGNED' ? 'green' : 'orange'}>{l(STATEMENT_SIGNATURES[st.answer.signature])}</Tag>
      {st.answer.adopted ? ` ${l(ACTION_SPECS.recordStatement.fields.adopted.label)}：${st.answer.adopted}` : ''}
    </span>
  );
}
