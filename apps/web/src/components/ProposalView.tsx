import { Descriptions } from 'antd';
import {
  ACTION_SPECS,
  CLUE_DISPOSITIONS,
  INQUIRY_OUTCOMES,
  LENIENCY_LEVELS,
  LIGHT_MEASURES,
  NO_ACCOUNTABILITY_OUTCOMES,
  RESPONSIBILITY_LEVELS,
  SHELVED_REVIEW_DECISIONS,
  VERIFICATION_FINDINGS,
  type PendingApproval,
  type PersonConcerned,
} from '@dandang/contracts';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { FindingsTable } from './FindingsTable';
import { FormsList, GroundsList } from './FormsList';

/**
 * A proposal waiting for a supervisor: what is proposed, by whom, when and why. A report with findings per person
 * lists them, named from `persons` (by id when the case's persons are not at hand).
 */
export function ProposalView({ proposal, persons = [] }: { proposal: PendingApproval; persons?: readonly Pick<PersonConcerned, 'personId' | 'name' | 'position'>[] }) {
  const { t, l } = useLocale();
  const common = [
    { key: 'kind', label: t('proposal'), children: l(ACTION_SPECS[proposal.action].label) },
    { key: 'by', label: t('proposedBy'), children: proposal.proposedByName },
    { key: 'at', label: t('proposedAt'), children: formatTime(proposal.proposedAt) },
  ];
  const content = (() => {
    const fields = ACTION_SPECS[proposal.action].fields;
    switch (proposal.kind) {
      case 'DISPOSITION':
        return [
          { key: 'd', label: l(fields.disposition?.label), children: l(CLUE_DISPOSITIONS[proposal.disposition]) },
          { key: 'r', label: l(fields.reason?.label), children: proposal.reason, span: 3 },
        ];
      case 'VERIFICATION_REPORT':
        return [
          { key: 'f', label: l(fields.finding?.label), children: l(VERIFICATION_FINDINGS[proposal.finding]) },
          { key: 's', label: l(fields.summary?.label), children: proposal.summary, span: 3 },
        ];
      case 'INVESTIGATION_REPORT':
        if (proposal.findings?.length) {
          return [
            { key: 'fi', label: l(fields.findings?.label), children: <FindingsTable findings={proposal.findings} persons={persons} />, span: 3 },
            { key: 'fa', label: l(fields.facts?.label), children: proposal.facts, span: 3 },
          ];
        }
        return [
          { key: 'rl', label: l(fields.responsibilityLevel?.label), children: l(RESPONSIBILITY_LEVELS[proposal.responsibilityLevel]) },
          { key: 'le', label: l(fields.leniency?.label), children: l(LENIENCY_LEVELS[proposal.leniency]) },
          { key: 'fo', label: l(fields.forms?.label), children: <FormsList forms={proposal.forms} /> },
          ...(proposal.grounds?.length ? [{ key: 'gr', label: l(fields.grounds?.label), children: <GroundsList grounds={proposal.grounds} />, span: 3 }] : []),
          { key: 'fa', label: l(fields.facts?.label), children: proposal.facts, span: 3 },
        ];
      case 'NO_ACCOUNTABILITY':
        return [
          { key: 'o', label: l(fields.outcome?.label), children: l(NO_ACCOUNTABILITY_OUTCOMES[proposal.outcome]) },
          { key: 'u', label: l(fields.allegationUntrue?.label), children: proposal.allegationUntrue ? t('yes') : t('no'), span: 2 },
          ...(proposal.grounds?.length ? [{ key: 'gr', label: l(fields.grounds?.label), children: <GroundsList grounds={proposal.grounds} />, span: 3 }] : []),
          { key: 'r', label: l(fields.reason?.label), children: proposal.reason, span: 3 },
        ];
      case 'INQUIRY_CONCLUSION':
        return [
          { key: 'o', label: l(fields.outcome?.label), children: l(INQUIRY_OUTCOMES[proposal.outcome]) },
          { key: 'm', label: l(fields.measure?.label), children: proposal.measure ? l(LIGHT_MEASURES[proposal.measure]) : '—', span: 2 },
          { key: 'r', label: l(fields.reason?.label), children: proposal.reason, span: 3 },
        ];
      case 'SHELVED_REVIEW':
        return [
          { key: 'd', label: l(fields.decision?.label), children: l(SHELVED_REVIEW_DECISIONS[proposal.decision]) },
          { key: 'r', label: l(fields.reason?.label), children: proposal.reason, span: 2 },
        ];
      case 'EXTENSION':
        return [
          { key: 'am', label: l(fields.amount?.label), children: proposal.amount },
          { key: 'r', label: l(fields.reason?.label), children: proposal.reason, span: 2 },
        ];
      case 'SUSPENSION':
        return [{ key: 'r', label: l(fields.reason?.label), children: proposal.reason, span: 3 }];
      default:
        return [];
    }
  })();
  return <Descriptions size="small" column={3} bordered items={[...common, ...content]} data-testid="proposal" />;
}
