import { Checkbox, Result, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { ACCOUNTABILITY_FORMS, ACCOUNTABILITY_FORM_SUBTYPES, OFFICIAL_EFFECT_KINDS, type AccountabilityFormChoice, type OfficialEffectList, type OfficialEffectView } from '@dandang/contracts';
import { CASE_READER_ROLES } from '@dandang/domain';
import { api, query } from '../api/client';
import { useSession } from '../auth/session';
import { AsyncView, useAsync } from '../components/async';
import { OrgUnitPicker } from '../components/DirectoryPickers';
import { ExportButtons } from '../components/ExportButtons';
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
        <ExportButtons path="/effects/export.xlsx" params={asked} expectedRows={list.data?.items.length} formats={['xlsx']} />
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
