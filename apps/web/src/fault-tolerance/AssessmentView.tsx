import { Card, Col, Descriptions, List, Row, Tag, Typography } from 'antd';
import {
  FAULT_TOLERANCE_CRITERIA,
  FAULT_TOLERANCE_OUTCOMES,
  MITIGATION_KINDS,
  SIX_ELEMENTS,
  THREE_DISTINCTIONS,
  type Distinction,
  type ExclusionEntry,
  type FaultToleranceAssessment,
  type FaultToleranceCriterion,
  type FaultToleranceRecommendation,
  type SixElement,
} from '@dandang/contracts';
import { useLocale } from '../i18n/locale';

const OUTCOME_COLORS = { EXEMPTION: 'green', MITIGATION: 'gold', REJECTION: 'red' } as const;

/** The recommended outcome and every reason that produced it, in the order the rules applied. */
export function RecommendationView({ recommendation, title }: { recommendation: FaultToleranceRecommendation; title?: string }) {
  const { t, l } = useLocale();
  return (
    <div data-recommendation={recommendation.outcome} data-mitigation={recommendation.mitigation ?? ''}>
      <Typography.Text strong>{title ?? t('ftRecommendation')}：</Typography.Text>
      <Tag color={OUTCOME_COLORS[recommendation.outcome]} style={{ fontSize: 14, padding: '2px 8px' }}>
        {l(FAULT_TOLERANCE_OUTCOMES[recommendation.outcome])}
        {recommendation.mitigation ? `（${l(MITIGATION_KINDS[recommendation.mitigation])}）` : ''}
      </Tag>
      <List
        size="small"
        header={t('ftReasonsList')}
        dataSource={recommendation.reasons}
        renderItem={(r) => (
          <List.Item data-reason-code={r.code} style={{ padding: '2px 0' }}>
            {l(r.label)}
          </List.Item>
        )}
      />
    </div>
  );
}

/** A submitted assessment, read-only: the three distinctions, the checklist, exclusions, substitution, notes. */
export function AssessmentView({ assessment, exclusions }: { assessment: FaultToleranceAssessment; exclusions: readonly ExclusionEntry[] }) {
  const { t, l } = useLocale();
  const yes = (v: boolean) => (v ? t('yes') : t('no'));
  return (
    <div data-testid="assessment-view">
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t('ftDistinctions')}
        items={(Object.keys(THREE_DISTINCTIONS) as Distinction[]).map((d) => ({
          key: d,
          label: l(THREE_DISTINCTIONS[d]),
          children: (
            <Tag color={assessment.distinctions[d] ? 'red' : 'green'}>
              {yes(assessment.distinctions[d])} · {l(assessment.distinctions[d] ? THREE_DISTINCTIONS[d].intolerable : THREE_DISTINCTIONS[d].tolerable)}
            </Tag>
          ),
        }))}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginTop: 8 }}
        title={t('ftChecklist')}
        items={[
          ...(Object.keys(FAULT_TOLERANCE_CRITERIA) as FaultToleranceCriterion[]).map((c) => ({
            key: c,
            label: l(FAULT_TOLERANCE_CRITERIA[c]),
            children: <Tag color={assessment.checklist[c] ? 'green' : 'default'}>{assessment.checklist[c] ? t('ftMet') : t('ftNotMet')}</Tag>,
          })),
          { key: 'harm', label: t('ftHarm'), children: yes(assessment.harmCaused) },
          {
            key: 'excl',
            label: t('ftExclusions'),
            children: assessment.exclusionIds.length
              ? assessment.exclusionIds.map((id) => <Tag key={id} color="red">{l(exclusions.find((e) => e.id === id)?.label) || id}</Tag>)
              : t('no'),
          },
          {
            key: 'subst',
            label: t('ftSubstitutionQuestion'),
            children: `${yes(assessment.substitution.comparableOfficialWouldHaveActedSame)}${assessment.substitution.systemCause ? ` · ${assessment.substitution.systemCause}` : ''}`,
          },
          {
            key: 'history',
            label: t('ftHistory'),
            children: t('ftHistoryText', { t: String(assessment.history.priorToleratedErrors), a: String(assessment.history.priorAccountabilityCases) }),
          },
          ...(Object.keys(SIX_ELEMENTS) as SixElement[])
            .filter((e) => assessment.elementNotes[e])
            .map((e) => ({ key: e, label: l(SIX_ELEMENTS[e]), children: assessment.elementNotes[e] })),
        ]}
      />
    </div>
  );
}

/** The structured assessment beside the recommended outcome and its reasons. */
export function AssessmentSideBySide({
  assessment,
  recommendation,
  exclusions,
}: {
  assessment: FaultToleranceAssessment;
  recommendation?: FaultToleranceRecommendation;
  exclusions: readonly ExclusionEntry[];
}) {
  const { t } = useLocale();
  return (
    <Row gutter={16}>
      <Col span={14}>
        <AssessmentView assessment={assessment} exclusions={exclusions} />
      </Col>
      <Col span={10}>
        <Card size="small" title={t('ftRecommendation')}>
          {recommendation ? <RecommendationView recommendation={recommendation} /> : t('ftNoAssessment')}
        </Card>
      </Col>
    </Row>
  );
}
