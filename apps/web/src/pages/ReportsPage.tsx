import { Alert, Card, Col, Form, InputNumber, Result, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import {
  ACCOUNTABILITY_FORMS,
  ACCOUNTABILITY_FORM_SUBTYPES,
  CLOSURE_KINDS,
  FAULT_TOLERANCE_OUTCOMES,
  FOUR_FORMS,
  INTAKE_METHODS,
  SUPERVISION_CHANNELS,
  type Label,
  type StatisticsReport,
} from '@dandang/contracts';
import { CASE_READER_ROLES, quarterOf } from '@dandang/domain';
import { api, query } from '../api/client';
import { useSession } from '../auth/session';
import { AsyncView, useAsync } from '../components/async';
import { ExportButtons } from '../components/ExportButtons';
import { OrgUnitPicker } from '../components/DirectoryPickers';
import { useLocale } from '../i18n/locale';

/**
 * 统计报表: the figures of a quarter (检举控告规则 art. 18 quarterly feedback to the intake department) for the caller's
 * subtree, from GET /api/reports/statistics; the period and unit live in the address.
 */
export function ReportsPage() {
  const { t } = useLocale();
  const { hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const current = quarterOf(new Date());
  const year = Number(params.get('year')) || current.year;
  const quarter = Number(params.get('quarter')) || current.quarter;
  const orgUnit = params.get('orgUnit') ?? undefined;
  const asked = { year, quarter, orgUnit };
  const report = useAsync((signal) => api<StatisticsReport>(`/reports/statistics${query(asked)}`, { signal }), [year, quarter, orgUnit]);
  if (!hasRole(...CASE_READER_ROLES)) return <Result status="info" subTitle={t('noDashboard')} />;

  const set = (next: Record<string, string | number | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v === undefined || v === '') merged.delete(k); else merged.set(k, String(v));
    setParams(merged);
  };
  return (
    <>
      <Typography.Title level={3}>{t('reports')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label={t('year')}>
            <InputNumber aria-label={t('year')} min={2000} max={2100} value={year} onChange={(v) => v && set({ year: v })} />
          </Form.Item>
          <Form.Item label={t('quarter')}>
            <Select
              aria-label={t('quarter')}
              style={{ width: 120 }}
              value={quarter}
              onChange={(q) => set({ quarter: q })}
              options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('quarterN', { n: String(n) }) }))}
            />
          </Form.Item>
          <Form.Item>
            <OrgUnitPicker placeholder={t('orgUnitPlaceholder')} aria-label={t('orgUnit')} style={{ width: 240 }} allowClear value={orgUnit} onChange={(v: string | undefined) => set({ orgUnit: v })} />
          </Form.Item>
        </Form>
        <ExportButtons path="/reports/statistics/export" params={asked} />
      </Space>
      <AsyncView state={report}>{(r) => <ReportView report={r} />}</AsyncView>
    </>
  );
}

function Counts({ title, rows }: { title: string; rows: { key: string; label: string; count: number }[] }) {
  const { t } = useLocale();
  return (
    <Card size="small" title={title}>
      <Table size="small" pagination={false} rowKey="key" dataSource={rows} columns={[{ title, dataIndex: 'label' }, { title: t('count'), dataIndex: 'count', align: 'right', width: 100 }]} />
    </Card>
  );
}

function ReportView({ report: r }: { report: StatisticsReport }) {
  const { t, l } = useLocale();
  const lab = (label: Label | undefined, fallback: string) => (label ? l(label) : fallback);
  const a = r.accountability;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Text strong>
        {t('reportPeriod')}: {l(r.period.label)}
      </Typography.Text>
      {r.withheld.length > 0 && <Alert type="info" showIcon message={t('withheldForRole', { parts: r.withheld.join(', ') })} />}
      <Row gutter={16}>
        {[
          [t('received'), r.received.total],
          [t('concluded'), r.concluded.total],
          ...(a ? [[t('decisions'), a.decisions]] : []),
          [t('yellowCard'), r.deadlines.yellowCards],
          [t('redCard'), r.deadlines.redCards],
          [t('escalations'), r.deadlines.escalations],
        ].map(([title, value]) => (
          <Col key={String(title)} xs={12} md={4}>
            <Card size="small">
              <Statistic title={title} value={value as number} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Counts title={t('byClosure')} rows={r.concluded.byClosure.map((c) => ({ key: c.kind, label: lab(CLOSURE_KINDS[c.kind], c.kind), count: c.count }))} />
        </Col>
        <Col xs={24} lg={12}>
          <Counts
            title={t('faultToleranceOutcomes')}
            rows={r.faultTolerance.byOutcome.map((o) => ({ key: o.outcome, label: o.outcome === 'DECLINED' ? t('declined') : lab(FAULT_TOLERANCE_OUTCOMES[o.outcome], o.outcome), count: o.count }))}
          />
        </Col>
        {!r.withheld.includes('received.byChannel') && (
          <>
            <Col xs={24} lg={12}>
              <Counts title={t('byChannel')} rows={r.received.byChannel.map((c) => ({ key: c.channel, label: lab(SUPERVISION_CHANNELS[c.channel], c.channel), count: c.count }))} />
            </Col>
            <Col xs={24} lg={12}>
              <Counts title={t('byIntakeMethod')} rows={r.received.byIntakeMethod.map((c) => ({ key: c.intakeMethod, label: lab(INTAKE_METHODS[c.intakeMethod], c.intakeMethod), count: c.count }))} />
            </Col>
          </>
        )}
        {a && (
          <>
            <Col xs={24} lg={12}>
              <Counts
                title={t('byForm')}
                rows={a.byForm.map((f) => ({
                  key: `${f.form}/${f.subtype ?? ''}`,
                  label: `${lab(ACCOUNTABILITY_FORMS[f.form], f.form)}${f.subtype ? ` · ${lab(ACCOUNTABILITY_FORM_SUBTYPES[f.form]?.[f.subtype], f.subtype)}` : ''}`,
                  count: f.count,
                }))}
              />
            </Col>
            <Col xs={24} lg={12}>
              <Counts title={t('byFourForms')} rows={a.byFourForms.map((f) => ({ key: f.fourForm, label: l(FOUR_FORMS[f.fourForm]), count: f.count }))} />
            </Col>
          </>
        )}
      </Row>
      <Card size="small" title={t('byUnit')}>
        <Table
          size="small"
          rowKey="orgUnitId"
          pagination={false}
          dataSource={r.byOrgUnit}
          columns={[
            { title: t('orgUnit'), dataIndex: 'name' },
            { title: t('received'), dataIndex: 'received', align: 'right' },
            { title: t('concluded'), dataIndex: 'concluded', align: 'right' },
            { title: t('decisions'), dataIndex: 'decisions', align: 'right' },
            { title: t('yellowCard'), dataIndex: 'yellowCards', align: 'right' },
            { title: t('redCard'), dataIndex: 'redCards', align: 'right' },
          ]}
        />
      </Card>
    </Space>
  );
}
