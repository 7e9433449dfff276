import { Card, Descriptions } from 'antd';
import { ACTION_SPECS, STAGE_LABELS, TRIAL_OPINIONS, type PersonConcerned, type TrialReview } from '@dandang/contracts';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { FindingsTable } from './FindingsTable';

/** 审理: who accepted it and when, and its opinion (with each person's findings when it proposed other handling). */
export function TrialPanel({ trial, persons, who }: { trial: TrialReview; persons: readonly PersonConcerned[]; who(id: string): string }) {
  const { t, l } = useLocale();
  const { opinion } = trial;
  return (
    <Card size="small" title={l(STAGE_LABELS.TRIAL)} style={{ marginBottom: 16 }} data-testid="trial">
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'reviewer', label: t('trialReviewer'), children: trial.reviewerId ? who(trial.reviewerId) : t('trialNotAccepted') },
          { key: 'accepted', label: t('trialAcceptedAt'), children: trial.acceptedAt ? formatTime(trial.acceptedAt) : '—' },
          {
            key: 'opinion',
            label: l(ACTION_SPECS.recordTrialOpinion.fields.opinion.label),
            children: opinion ? <span data-trial-opinion={opinion.opinion}>{`${l(TRIAL_OPINIONS[opinion.opinion])} · ${formatTime(opinion.at)}：${opinion.reason}`}</span> : t('trialAwaitingOpinion'),
            span: 2,
          },
        ]}
      />
      {opinion?.opinion === 'VARY' && opinion.findings.length > 0 && <FindingsTable findings={opinion.findings} persons={persons} />}
    </Card>
  );
}
