import { Table } from 'antd';
import { DECISION_BODIES, LENIENCY_LEVELS, RESPONSIBILITY_LEVELS, type PersonConcerned, type PersonDecision, type PersonFinding } from '@dandang/contracts';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { FINDING_LABELS } from './PersonFindingsInput';
import { personName } from './PersonSelect';
import { FormsList, GroundsList } from './FormsList';

type Row = PersonFinding & Partial<Pick<PersonDecision, 'decidedAt' | 'bodies'>>;

/** Findings (or decisions) one row per person: responsibility, forms, leniency with its grounds, and when decided, by whom. */
export function FindingsTable({ findings, persons }: { findings: readonly Row[]; persons: readonly Pick<PersonConcerned, 'personId' | 'name' | 'position'>[] }) {
  const { t, l } = useLocale();
  const decided = findings.some((f) => f.decidedAt);
  return (
    <Table<Row>
      rowKey="personId"
      size="small"
      pagination={false}
      dataSource={[...findings]}
      onRow={(f) => ({ 'data-finding-person': f.personId }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('personConcerned'), render: (_, f) => personName(persons, f.personId) },
        { title: l(FINDING_LABELS.responsibilityLevel), render: (_, f) => l(RESPONSIBILITY_LEVELS[f.responsibilityLevel]) },
        { title: l(FINDING_LABELS.forms), render: (_, f) => <FormsList forms={f.forms} /> },
        {
          title: l(FINDING_LABELS.leniency),
          render: (_, f) => (
            <>
              {l(LENIENCY_LEVELS[f.leniency])} {f.grounds?.length ? <GroundsList grounds={f.grounds} /> : null}
            </>
          ),
        },
        ...(decided
          ? [
              {
                title: t('decisionOfPerson'),
                render: (_: unknown, f: Row) =>
                  f.decidedAt ? t('decidedBy', { at: formatTime(f.decidedAt), bodies: (f.bodies ?? []).map((b) => l(DECISION_BODIES[b])).join('、') }) : '—',
              },
            ]
          : []),
      ]}
    />
  );
}
