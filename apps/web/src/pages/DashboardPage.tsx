import { useMemo } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { CLOSED_STAGES, STAGES, STAGE_LABELS, SUPERVISION_CHANNELS, enumValues } from '@dandang/contracts';
import { AsyncView, useAsync } from '../components/async';
import { Chart, type ChartOption } from '../components/Chart';
import { loadDashboard, type DashboardData } from '../dashboard/source';
import { useLocale } from '../i18n/locale';

/** 统计看板. Overdue and cards by org unit, days per stage and fault-tolerance outcomes join with their issues. */
export function DashboardPage() {
  const { t } = useLocale();
  const data = useAsync((signal) => loadDashboard(signal), []);
  return (
    <>
      <Typography.Title level={3}>{t('dashboard')}</Typography.Title>
      <AsyncView state={data}>{(d) => <Charts data={d} />}</AsyncView>
    </>
  );
}

function Charts({ data }: { data: DashboardData }) {
  const { t, l, lang } = useLocale();
  const total = STAGES.reduce((n, s) => n + data.byStage[s], 0);
  const open = STAGES.filter((s) => !CLOSED_STAGES.includes(s) && s !== 'SERVED').reduce((n, s) => n + data.byStage[s], 0);
  const byStage = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 64 },
      xAxis: { type: 'category', data: STAGES.map((s) => l(STAGE_LABELS[s])), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('casesByStage'), data: STAGES.map((s) => data.byStage[s]), itemStyle: { color: '#c62828' } }],
    }),
    // `lang` changes the labels (t and l follow it).
    [data, lang],
  );
  const byChannel = useMemo<ChartOption | null>(() => {
    if (!data.byChannel) return null;
    const channels = data.byChannel;
    return {
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          name: t('casesByChannel'),
          radius: ['35%', '65%'],
          center: ['35%', '50%'],
          data: enumValues(SUPERVISION_CHANNELS).map((c) => ({ name: l(SUPERVISION_CHANNELS[c]), value: channels[c] })),
        },
      ],
    };
  }, [data, lang]);
  const byOrgUnit = useMemo<ChartOption | null>(() => {
    if (!data.byOrgUnit) return null;
    const units = data.byOrgUnit;
    const series = (name: string, values: number[], color: string) => ({ type: 'bar', name, data: values, itemStyle: { color } });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 48 },
      xAxis: { type: 'category', data: units.map((u) => u.name.split(' (')[0]), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        series(t('totalCases'), units.map((u) => u.count), '#5470c6'),
        series(t('overdue'), units.map((u) => u.overdue), '#8c8c8c'),
        series(t('yellowCard'), units.map((u) => u.yellow), '#fadb14'),
        series(t('redCard'), units.map((u) => u.red), '#cf1322'),
      ],
    };
  }, [data, lang]);
  const second = byChannel ?? byOrgUnit;
  const secondLabel = byChannel ? t('casesByChannel') : t('byOrgUnit');
  return (
    <div data-dashboard-source={data.source}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('totalCases')} value={total} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('openCases')} value={open} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Typography.Text type="secondary">{t('dashboardSource', { source: data.source === 'dashboard' ? 'GET /api/dashboard' : 'GET /api/cases' })}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={second ? 12 : 24}>
          <Card size="small" title={t('casesByStage')}>
            <Chart option={byStage} label={t('casesByStage')} />
          </Card>
        </Col>
        {second && (
          <Col span={12}>
            <Card size="small" title={secondLabel}>
              <Chart option={second} label={secondLabel} />
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
