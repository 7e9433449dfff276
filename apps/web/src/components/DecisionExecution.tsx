import { Card, Descriptions } from 'antd';
import { APPEAL_OUTCOMES, STEP_CLOCKS, type DecisionAnnouncement, type MeasureExecution, type PersonAppeal, type PersonConcerned, type PersonDecision } from '@dandang/contracts';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { FindingsTable } from './FindingsTable';
import { personName } from './PersonSelect';

/**
 * Each person's decision, what carrying it out owes (the announcement, and the measures of post or pay done or due),
 * and each person's appeal (申诉) once filed, with its decision.
 */
export function DecisionExecution({
  decisions,
  announcement,
  measures,
  appeals,
  persons,
}: {
  decisions: readonly PersonDecision[];
  announcement: DecisionAnnouncement | null;
  measures: readonly MeasureExecution[];
  appeals: readonly PersonAppeal[];
  persons: readonly PersonConcerned[];
}) {
  const { t, l } = useLocale();
  const items = [
    announcement && {
      key: 'announcement',
      label: l(STEP_CLOCKS.ANNOUNCEMENT),
      children: (
        <span data-announcement={announcement.announcedAt ? 'DONE' : 'DUE'}>
          {announcement.announcedAt
            ? t('announcedAt', { at: formatTime(announcement.announcedAt), to: announcement.to ?? '' })
            : t('measuresOwed', { at: announcement.deadline ? formatTime(announcement.deadline.dueAt) : '—' })}
        </span>
      ),
    },
    ...measures.map((m) => ({
      key: `measure-${m.personId}`,
      label: `${l(STEP_CLOCKS.MEASURE_EXECUTION)} · ${personName(persons, m.personId)}`,
      children: (
        <span data-measure={m.personId} data-done={Boolean(m.completedAt)}>
          {m.completedAt
            ? t('measuresDone', { at: formatTime(m.completedAt), note: m.note ?? '' })
            : t('measuresOwed', { at: m.deadline ? formatTime(m.deadline.dueAt) : '—' })}
        </span>
      ),
    })),
    ...appeals.map((a) => ({
      key: `appeal-${a.personId}`,
      label: `${t('appealOf')} · ${personName(persons, a.personId)}`,
      children: (
        <span data-appeal={a.personId} data-outcome={a.decision?.outcome ?? 'PENDING'}>
          {a.decision
            ? t('appealDecided', { at: formatTime(a.decision.at), outcome: l(APPEAL_OUTCOMES[a.decision.outcome]) })
            : t('appealWaits', { at: formatTime(a.filed.filedAt), due: a.deadline ? formatTime(a.deadline.dueAt) : '—' })}
        </span>
      ),
    })),
  ].filter((x): x is NonNullable<typeof x> => !!x);
  return (
    <Card size="small" title={t('decisionOfPerson')} style={{ marginBottom: 16 }} data-testid="person-decisions">
      <FindingsTable findings={decisions} persons={persons} />
      {items.length > 0 && <Descriptions size="small" column={1} items={items} style={{ marginTop: 12 }} />}
    </Card>
  );
}
