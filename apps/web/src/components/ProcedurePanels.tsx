import { Card, Typography } from 'antd';
import type { CaseView } from '@dandang/contracts';
import { filedAppeals } from '@dandang/domain';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { CollectiveDecisions } from './CollectiveDecisions';
import { DecisionExecution } from './DecisionExecution';
import { useDirectoryUsers } from './DirectoryPickers';
import { FindingsTable } from './FindingsTable';
import { PersonsPanel } from './PersonsPanel';
import { TrialPanel } from './TrialPanel';

type ProcedureParts = Pick<
  CaseView,
  'personTerm' | 'persons' | 'report' | 'trial' | 'collectiveDecisions' | 'personDecisions' | 'announcement' | 'measureExecutions' | 'appeal' | 'personAppeals'
>;

/**
 * What the procedure after verification has recorded (问责 or 纪律审查): the persons concerned and their statements, the
 * approved report's findings, 审理, the collective meetings, and each person's decision with its execution. Nothing
 * shows for a case without persons (a clue, or a case filed before the two procedures).
 */
export function ProcedurePanels({ detail }: { detail: Partial<ProcedureParts> }) {
  const { t } = useLocale();
  const users = new Map((useDirectoryUsers().items ?? []).map((u) => [u.id, u.displayName]));
  const who = (id: string) => users.get(id) ?? id;
  const persons = detail.persons ?? [];
  if (persons.length === 0) return null;
  return (
    <>
      {detail.personTerm && <PersonsPanel persons={persons} term={detail.personTerm} />}
      {detail.report && (
        <Card size="small" title={t('reportFindings')} style={{ marginBottom: 16 }} data-testid="report-findings">
          <Typography.Paragraph>
            {detail.report.facts}（{who(detail.report.approvedBy)} · {formatTime(detail.report.approvedAt)}）
          </Typography.Paragraph>
          <FindingsTable findings={detail.report.findings} persons={persons} />
        </Card>
      )}
      {detail.trial && <TrialPanel trial={detail.trial} persons={persons} who={who} />}
      {!!detail.collectiveDecisions?.length && <CollectiveDecisions meetings={detail.collectiveDecisions} persons={persons} who={who} />}
      {!!detail.personDecisions?.length && (
        <DecisionExecution
          decisions={detail.personDecisions}
          announcement={detail.announcement ?? null}
          measures={detail.measureExecutions ?? []}
          appeals={filedAppeals(detail)}
          persons={persons}
        />
      )}
    </>
  );
}
