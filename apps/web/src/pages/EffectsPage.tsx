import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Result, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ACCOUNTABILITY_FORMS, ACCOUNTABILITY_FORM_SUBTYPES, OFFICIAL_EFFECT_KINDS, type AccountabilityFormChoice, type OfficialEffectList, type OfficialEffectView } from '@dandang/contracts';
import { CASE_READER_ROLES } from '@dandang/domain';
import { api, query } from '../api/client';
import { downloadFile, type DownloadProgress } from '../api/download';
import { useSession } from '../auth/session';
import { AsyncView, useAsync } from '../components/async';
import { OrgUnitPicker } from '../components/DirectoryPickers';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';

/**
 * 影响期台账 (结果运用): the register of effects of the officials of a unit's subtree (GET /api/effects), what each
 * decision means for an official's career while its impact period runs; only those running now, or all. The unit and
 * the filter live in the address; 导出 Excel downloads the same register (GET /api/effects/export.xlsx).
 */
export function EffectsPage() {
  const { t, l } = useLocale();
  const { hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const orgUnit = params.get('orgUnit') ?? undefined;
  const active = params.get('active') === 'true';
  const asked = { orgUnit, active: active ? 'true' : undefined };
  const list = useAsync((signal) => api<OfficialEffectList>(`/effects${query(asked)}`, { signal }), [orgUnit, active]);
  if (!hasRole(...CASE_READER_ROLES)) return <Result status="info" subTitle={t('noEffects')} />;

  const set = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v === undefined || v === '') merged.delete(k); else merged.set(k, v);
    setParams(merged);
  };
  const formLabel = (f: AccountabilityFormChoice | null) => {
    if (!f) return '—';
    const sub = f.subtype ? ACCOUNTABILITY_FORM_SUBTYPES[f.form]?.[f.subtype] : undefined;
    return `${l(ACCOUNTABILITY_FORMS[f.form]) || f.form}${sub ? `：${l(sub)}` : f.subtype ? `：${f.subtype}` : ''}`;
  };

  return (
    <>
      <Typography.Title level={3}>{t('effects')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }} aria-label="filters">
        <OrgUnitPicker
          placeholder={t('orgUnitPlaceholder')}
          aria-label={t('effectUnit')}
          style={{ width: 240 }}
          allowClear
          value={orgUnit}
          onChange={(v) => set({ orgUnit: v })}
        />
        <Checkbox checked={active} onChange={(e) => set({ active: e.target.checked ? 'true' : undefined })} data-effects-active>
          {t('effectsActiveOnly')}
        </Checkbox>
        <EffectsExport params={asked} rows={list.data?.items.length} />
      </Space>
      <AsyncView state={list}>
        {(data) => (
          <Table<OfficialEffectView>
            rowKey={(r) => `${r.caseId}/${r.personId}/${r.kind}/${r.source}/${r.form?.form ?? ''}/${r.form?.subtype ?? ''}`}
            dataSource={data.items}
            size="middle"
            scroll={{ x: 1340 }}
            locale={{ emptyText: t('noEffectsListed') }}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={(r) => ({ 'data-effect-row': `${r.caseNumber}/${r.personId}/${r.kind}`, 'data-active': String(r.active) }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('subjectName'), dataIndex: 'personName', width: 100, fixed: 'left' },
              { title: t('subjectPosition'), dataIndex: 'position', ellipsis: true, width: 140 },
              { title: t('effectUnit'), render: (_, r) => r.orgUnitName ?? r.orgUnitId, ellipsis: true, width: 180 },
              {
                title: t('effectKind'),
                width: 240,
                render: (_, r) => (
                  <span data-effect-kind={r.kind}>
                    {l(OFFICIAL_EFFECT_KINDS[r.kind]) || r.kind}
                    {r.year !== null ? `（${r.year}）` : ''}
                  </span>
                ),
              },
              { title: t('effectFrom'), render: (_, r) => formatTime(r.from), width: 140 },
              { title: t('effectUntil'), render: (_, r) => (r.until ? formatTime(r.until) : t('effectNoEnd')), width: 140 },
              { title: t('effectForm'), render: (_, r) => formLabel(r.form), width: 180 },
              {
                title: t('effectCase'),
                render: (_, r) => (
                  <Space size={4}>
                    <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>
                    {r.active && <Tag color="red">{t('effectRunning')}</Tag>}
                  </Space>
                ),
                width: 200,
                fixed: 'right',
              },
            ]}
          />
        )}
      </AsyncView>
    </>
  );
}

/** 导出 Excel: the register as the page asks it (unit, active only), with the bytes received while it arrives. */
function EffectsExport({ params, rows }: { params: Record<string, string | undefined>; rows?: number }) {
  const { t, lang } = useLocale();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const locale = lang === 'zh' ? 'zh-CN' : 'en';

  async function run() {
    setProgress({ bytes: 0 });
    try {
      await downloadFile(`/effects/export.xlsx${query(params)}`, setProgress);
      void message.success(t('exportDone'));
    } catch (e) {
      void message.error(`${t('exportFailed')}: ${(e as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  const counted = progress?.rows ?? rows;
  return (
    <Space data-testid="export">
      <Button icon={<DownloadOutlined />} loading={progress !== null} onClick={() => void run()}>
        {t('exportXlsx')}
      </Button>
      {progress && (
        <Typography.Text type="secondary" role="status" aria-live="polite">
          {t('exportProgress', { rows: counted === undefined ? '…' : counted.toLocaleString(locale), size: `${(progress.bytes / 1024 / 1024).toFixed(1)} MB` })}
        </Typography.Text>
      )}
    </Space>
  );
}
