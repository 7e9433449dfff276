import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Space, Tag, Typography } from 'antd';
import {
  FAULT_TOLERANCE_CRITERIA,
  SIX_ELEMENTS,
  THREE_DISTINCTIONS,
  type Distinction,
  type ErrorHistory,
  type ExclusionEntry,
  type FaultToleranceAssessmentAnswers,
  type FaultToleranceCriterion,
  type FaultToleranceRecommendation,
  type SixElement,
} from '@dandang/contracts';
import { recommendOutcome } from '@dandang/domain';
import { ApiError, api } from '../api/client';
import { useSubmissionKey } from '../api/submission';
import { useLocale } from '../i18n/locale';
import { RecommendationView } from './AssessmentView';

const DISTINCTIONS = Object.keys(THREE_DISTINCTIONS) as Distinction[];
const CRITERIA = Object.keys(FAULT_TOLERANCE_CRITERIA) as FaultToleranceCriterion[];
const ELEMENTS = Object.keys(SIX_ELEMENTS) as SixElement[];
const ROLE_ORDER = ['ESSENTIAL', 'CONDITION', 'MITIGATING', 'ALTERNATIVE'] as const;
const ROLE_LABELS = {
  ESSENTIAL: { zh: '必备条件', en: 'Essential' },
  CONDITION: { zh: '容错条件', en: 'Conditions' },
  MITIGATING: { zh: '减轻情节', en: 'Mitigating' },
  ALTERNATIVE: { zh: '可单独免责的情形', en: 'Grounds on their own' },
} as const;

interface Values {
  distinctions?: Partial<Record<Distinction, boolean>>;
  checklist?: FaultToleranceCriterion[];
  harmCaused?: boolean;
  exclusionIds?: string[];
  comparable?: boolean;
  systemCause?: string;
  elementNotes?: Partial<Record<SixElement, string>>;
}

/** The answers from the form, or null while a yes/no question is unanswered. */
export function toAnswers(v: Values): FaultToleranceAssessmentAnswers | null {
  const d = v.distinctions ?? {};
  if (DISTINCTIONS.some((k) => typeof d[k] !== 'boolean') || typeof v.harmCaused !== 'boolean' || typeof v.comparable !== 'boolean') return null;
  const met = new Set(v.checklist ?? []);
  const notes = Object.fromEntries(
    Object.entries(v.elementNotes ?? {})
      .map(([k, text]) => [k, text?.trim()])
      .filter(([, text]) => text),
  ) as Partial<Record<SixElement, string>>;
  return {
    distinctions: Object.fromEntries(DISTINCTIONS.map((k) => [k, d[k]!])) as Record<Distinction, boolean>,
    checklist: Object.fromEntries(CRITERIA.map((c) => [c, met.has(c)])) as Record<FaultToleranceCriterion, boolean>,
    harmCaused: v.harmCaused,
    exclusionIds: v.exclusionIds ?? [],
    substitution: { comparableOfficialWouldHaveActedSame: v.comparable, ...(v.systemCause?.trim() ? { systemCause: v.systemCause.trim() } : {}) },
    elementNotes: notes,
  };
}

/**
 * 核实: the structured fault-tolerance assessment. The recommendation beside it is recomputed on every change by
 * recommendOutcome from libs/domain, the function the server applies to the submitted assessment. The history
 * (first or repeated error) is the server's to compute; here it is `history` when known, else a first error.
 */
export function AssessmentForm({
  caseId,
  reviewId,
  exclusions,
  history,
  onDone,
  onCancel,
}: {
  caseId: string;
  reviewId: string;
  exclusions: readonly ExclusionEntry[];
  history?: ErrorHistory;
  onDone(): void;
  onCancel?(): void;
}) {
  const { t, l } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const submission = useSubmissionKey();

  const live = useMemo((): { answers: FaultToleranceAssessmentAnswers | null; recommendation?: FaultToleranceRecommendation; error?: string } => {
    const answers = toAnswers(values ?? {});
    if (!answers) return { answers };
    try {
      return { answers, recommendation: recommendOutcome({ ...answers, history: history ?? { priorToleratedErrors: 0, priorAccountabilityCases: 0 } }, { exclusions }) };
    } catch (e) {
      return { answers, error: (e as Error).message };
    }
  }, [values, exclusions, history]);

  async function submit() {
    if (!live.answers) return;
    setBusy(true);
    setRefusal(null);
    try {
      await api(`/cases/${caseId}/actions/submitAssessment`, { method: 'POST', body: { reviewId, ...live.answers }, idempotencyKey: submission.key() });
      submission.succeeded();
      void message.success(t('actionDone', { action: t('ftSubmitAssessment') }));
      onDone();
    } catch (e) {
      setRefusal(e instanceof ApiError ? e : new ApiError(0, 'ERROR', (e as Error).message));
    } finally {
      setBusy(false);
    }
  }

  const yesNo = [
    { value: true, label: t('yes') },
    { value: false, label: t('no') },
  ];
  return (
    <Card size="small" title={t('ftAssessment')} data-testid="assessment-form">
      <Row gutter={16}>
        <Col span={15}>
          <Form<Values> form={form} layout="vertical" onFinish={() => void submit()} disabled={busy} initialValues={{ checklist: [], exclusionIds: [] }}>
            <Typography.Title level={5}>{t('ftDistinctions')}</Typography.Title>
            {DISTINCTIONS.map((d) => (
              <Form.Item
                key={d}
                name={['distinctions', d]}
                label={l(THREE_DISTINCTIONS[d])}
                rules={[{ required: true, message: l(THREE_DISTINCTIONS[d]) }]}
                extra={`${t('ftTolerable')}：${l(THREE_DISTINCTIONS[d].tolerable)}；${t('ftIntolerable')}：${l(THREE_DISTINCTIONS[d].intolerable)}`}
              >
                <Radio.Group options={yesNo} aria-label={l(THREE_DISTINCTIONS[d])} data-distinction={d} />
              </Form.Item>
            ))}
            <Typography.Title level={5}>{t('ftChecklist')}</Typography.Title>
            <Form.Item name="checklist">
              <Checkbox.Group style={{ display: 'block' }}>
                {ROLE_ORDER.map((role) => (
                  <div key={role} style={{ marginBottom: 8 }}>
                    <Typography.Text type="secondary">{l(ROLE_LABELS[role])}</Typography.Text>
                    {CRITERIA.filter((c) => FAULT_TOLERANCE_CRITERIA[c].role === role).map((c) => (
                      <div key={c}>
                        <Checkbox value={c} data-criterion={c}>
                          {l(FAULT_TOLERANCE_CRITERIA[c])}
                        </Checkbox>
                      </div>
                    ))}
                  </div>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <Form.Item name="harmCaused" label={t('ftHarm')} rules={[{ required: true, message: t('ftHarm') }]}>
              <Radio.Group options={yesNo} aria-label={t('ftHarm')} data-field="harmCaused" />
            </Form.Item>
            <Form.Item name="exclusionIds" label={t('ftExclusions')}>
              <Checkbox.Group style={{ display: 'block' }}>
                {exclusions.map((e) => (
                  <div key={e.id}>
                    <Checkbox value={e.id} data-exclusion={e.id}>
                      {l(e.label)} <Typography.Text type="secondary">{e.source}</Typography.Text>
                      {e.unconfirmed && <Tag style={{ marginLeft: 4 }}>⚠</Tag>}
                    </Checkbox>
                  </div>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <Typography.Title level={5}>{t('ftSubstitution')}</Typography.Title>
            <Form.Item name="comparable" label={t('ftSubstitutionQuestion')} rules={[{ required: true, message: t('ftSubstitutionQuestion') }]}>
              <Radio.Group options={yesNo} aria-label={t('ftSubstitutionQuestion')} data-field="comparable" />
            </Form.Item>
            <Form.Item name="systemCause" label={t('ftSystemCause')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Typography.Title level={5}>{t('ftSixElements')}</Typography.Title>
            {ELEMENTS.map((e) => (
              <Form.Item key={e} name={['elementNotes', e]} label={l(SIX_ELEMENTS[e])}>
                <Input.TextArea rows={1} maxLength={2000} aria-label={l(SIX_ELEMENTS[e])} />
              </Form.Item>
            ))}
            {refusal && (
              <Alert role="alert" type="error" showIcon title={t('refused')} description={refusal.message} style={{ marginBottom: 16 }} data-reason={refusal.reason} />
            )}
            <Space>
              <Button type="primary" htmlType="submit" loading={busy} disabled={!live.recommendation}>
                {t('ftSubmitAssessment')}
              </Button>
              {onCancel && <Button onClick={onCancel}>{t('cancel')}</Button>}
            </Space>
          </Form>
        </Col>
        <Col span={9}>
          <div style={{ position: 'sticky', top: 0 }} aria-live="polite" data-testid="live-recommendation">
            <Card size="small" title={t('ftRecommendationLive')}>
              {live.recommendation ? (
                <RecommendationView recommendation={live.recommendation} />
              ) : live.error ? (
                <Alert type="warning" showIcon title={live.error} />
              ) : (
                <Typography.Text type="secondary">{t('ftIncomplete')}</Typography.Text>
              )}
              {!history && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                  {t('ftHistoryAssumed')}
                </Typography.Paragraph>
              )}
            </Card>
          </div>
        </Col>
      </Row>
    </Card>
  );
}
