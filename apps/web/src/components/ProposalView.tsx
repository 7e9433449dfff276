import { Descriptions, Tag } from 'antd';
import {
  ACCOUNTABILITY_FORMS,
  ACCOUNTABILITY_FORM_SUBTYPES,
  ACTION_SPECS,
  CLUE_DISPOSITIONS,
  INQUIRY_OUTCOMES,
  LENIENCY_GROUNDS,
  LENIENCY_LEVELS,
  LIGHT_MEASURES,
  NO_ACCOUNTABILITY_OUTCOMES,
  RESPONSIBILITY_LEVELS,
  SHELVED_REVIEW_DECISIONS,
  VERIFICATION_FINDINGS,
  type AccountabilityFormChoice,
  type LeniencyGround,
  type PendingApproval,
} from '@dandang/contracts';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';

export function FormsList({ forms }: { forms: AccountabilityFormChoice[] }) {
  const { l } = useLocale();
  return (
    <>
      {forms.map((f, i) => {
        const sub = f.subtype ? ACCOUNTABILITY_FORM_SUBTYPES[f.form]?.[f.subtype] : undefined;
        return (
          <Tag key={i} color="volcano">
            {l(ACCOUNTABILITY_FORMS[f.form])}
            {sub ? `：${l(sub)}` : ''}
          </Tag>
        );
      })}
    </>
  );
}

/** The grounds of a leniency or of 不予问责, each with its article of 问责条例. */
export function GroundsList({ grounds }: { grounds: readonly LeniencyGround[] }) {
  const { l } = useLocale();
  return (
    <>
      {grounds.map((g) => (
        <Tag key={g} data-ground={g}>
          {l(LENIENCY_GROUNDS[g])}
        </Tag>
      ))}
    </>
  );
}

/** A proposal waiting for a supervisor: what is proposed, by whom, when and why. */
export function ProposalView({ proposal }: { proposal: PendingApproval }) {
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
