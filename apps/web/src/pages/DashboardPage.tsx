import { useMemo } from 'react';
import { Card, Col, Empty, Result, Row, Statistic, Typography } from 'antd';
import { FAULT_TOLERANCE_OUTCOMES, STAGES, STAGE_LABELS, type FaultToleranceOutcome, type Stage } from '@dandang/contracts';
import { CASE_READER_ROLES } from '@dandang/domain';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import type { DashboardResponse as DashboardFigures } from '@dandang/contracts';
import { AsyncView, useAsync } from '../components/async';
import { Chart, type ChartOption } from '../components/Chart';
import { ExportButtons } from '../components/ExportButtons';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';

/**
 * 统计看板 from GET /api/dashboard: the caller's org unit subtree, for those who read cases; an administrator's counts
 * would be of cases they may not read (三员分立), so they are told so instead of asking.
 */
export function DashboardPage() {
  const { t } = useLocale();
  const { hasRole } = useSession();
  const readsCases = hasRole(...CASE_READER_ROLES);
  return (
    <>
      <Typography.Title level={3}>{t('dashboard')}</Typography.Title>
      {readsCases && (
        <div style={{ marginBottom: 12 }}>
          <ExportButtons path="/dashboard/export" params={{}} />
        </div>
      )}
      {readsCases ? <Figures /> : <Result status="info" subTitle={t('noDashboard')} />}
    </>
  );
}

function Figures() {
  const data = useAsync((signal) => api<DashboardFigures>('/dashboard', { signal }), []);
  return <AsyncView state={data}>{(d) => <Charts data={d} />}</AsyncView>;
}

/** Days to the hundredth: a stage done within hours (0.08 days for two) still gets a bar, not a 0. */
const hundredths = (n: number) => Math.round(n * 100) / 100;

/** Stages in the order of the process, whatever order the API lists them in. */
const byProcessOrder = <T extends { stage: Stage }>(rows: T[]) =>
  [...rows].filter((r) => STAGES.includes(r.stage)).sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));

const STATS = [
  { key: 'dueSoon', label: 'dueSoon', color: '#d48806' },
  { key: 'overdue', label: 'overdue', color: '#595959' },
  { key: 'yellowCards', label: 'yellowCard', color: '#d4b106' },
  { key: 'redCards', label: 'redCard', color: '#cf1322' },
  { key: 'supervised', label: 'supervised', color: '#c41d7f' },
] as const;

function Charts({ data }: { data: DashboardFigures }) {
  const { t, l, lang } = useLocale();
  const total = data.byStage.reduce((n, s) => n + s.count, 0);
  const byStage = useMemo<ChartOption>(() => {
    const counts = new Map(data.byStage.map((s) => [s.stage, s.count]));
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 64 },
      xAxis: { type: 'category', data: STAGES.map((s) => l(STAGE_LABELS[s])), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('casesByStage'), data: STAGES.map((s) => counts.get(s) ?? 0), itemStyle: { color: '#c62828' } }],
    };
    // `lang` changes the labels (t and l follow it).
  }, [data, lang]);
  const byOrgUnit = useMemo<ChartOption>(() => {
    const units = data.byOrgUnit;
    const series = (name: string, values: number[], color: string) => ({ type: 'bar', name, data: values, itemStyle: { color } });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 56 },
      xAxis: { type: 'category', data: units.map((u) => u.name.split(' (')[0]), axisLabel: { interval: 0, rotate: units.length > 4 ? 20 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        series(t('totalCases'), units.map((u) => u.count), '#5470c6'),
        series(t('overdue'), units.map((u) => u.overdue), '#8c8c8c'),
        series(t('yellowCard'), units.map((u) => u.yellow), '#fadb14'),
        series(t('redCard'), units.map((u) => u.red), '#cf1322'),
      ],
    };
  }, [data, lang]);
  const daysPerStage = useMemo<ChartOption>(() => {
    const rows = byProcessOrder(data.daysPerStage);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 64 },
      xAxis: { type: 'category', data: rows.map((r) => l(STAGE_LABELS[r.stage])), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: t('averageDays'), data: rows.map((r) => hundredths(r.averageDays)), itemStyle: { color: '#1677ff' } },
        { type: 'bar', name: t('p90Days'), data: rows.map((r) => hundredths(r.p90Days)), itemStyle: { color: '#722ed1' } },
      ],
    };
  }, [data, lang]);
  const toleranceOutcomes = useMemo<ChartOption>(() => {
    const label = (outcome: string) =>
      outcome in FAULT_TOLERANCE_OUTCOMES ? l(FAULT_TOLERANCE_OUTCOMES[outcome as FaultToleranceOutcome]) : `${t('reviewPending')} (${outcome})`;
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          name: t('faultToleranceOutcomes'),
          data: data.faultToleranceOutcomes.map((o) => ({ name: label(o.outcome), value: o.count })),
        },
      ],
    };
  }, [data, lang]);
  return (
    <div data-dashboard-source="dashboard">
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col flex="1 1 0">
          <Card size="small">
            <Statistic title={t('totalCases')} value={total} />
          </Card>
        </Col>
        {STATS.map((s) => (
          <Col flex="1 1 0" key={s.key}>
            <Card size="small" data-stat={s.key}>
              <Statistic title={t(s.label)} value={data[s.key]} styles={{ content: { color: data[s.key] > 0 ? s.color : undefined } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col span={12}>
          <Card size="small" title={t('casesByStage')}>
            <Chart option={byStage} label={t('casesByStage')} height={280} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('byOrgUnit')}>
            <Chart option={byOrgUnit} label={t('byOrgUnit')} height={280} />
          </Card>
        </Col>
        <Col span={16}>
          <Card size="small" title={t('daysPerStage')}>
            {data.daysPerStage.length ? (
              <Chart option={daysPerStage} label={t('daysPerStage')} height={280} />
            ) : (
              <NoFigures label={t('daysPerStage')} why={t('noEndedVisits')} />
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title={t('faultToleranceOutcomes')}>
            {data.faultToleranceOutcomes.length ? (
              <Chart option={toleranceOutcomes} label={t('faultToleranceOutcomes')} height={280} />
            ) : (
              <NoFigures label={t('faultToleranceOutcomes')} why={t('noToleranceOutcomes')} />
            )}
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('generatedAt', { at: formatTime(data.generatedAt) })}
      </Typography.Text>
    </div>
  );
}

/** In place of a chart with nothing to draw: empty axes or a grey ring would read as figures of zero. */
function NoFigures({ label, why }: { label: string; why: string }) {
  return (
    <div data-chart-empty={label} style={{ height: 280, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={why} />
    </div>
  );
}
