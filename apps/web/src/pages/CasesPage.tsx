import { Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { STAGES, STAGE_LABELS, SUPERVISION_CHANNELS, enumValues } from '@dandang/contracts';
import { isOfficialConcerned, readsAsAuditor } from '@dandang/domain';
import { api, query } from '../api/client';
import type { CaseList, CaseListItem } from '@dandang/contracts';
import { useSession } from '../auth/session';
import { AsyncView, useAsync } from '../components/async';
import { OrgUnitPicker, useDirectoryUsers } from '../components/DirectoryPickers';
import { ChannelText, DeadlineCell, StageTag } from '../components/CaseTags';
import { ExportButtons } from '../components/ExportButtons';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';

const FILTERS = ['stage', 'channel', 'assignee', 'orgUnit', 'q'] as const;
const PAGE_SIZE = 20;

/** Cases in the user's org unit subtree; filters and page live in the address, so back and reload keep them. */
export function CasesPage() {
  const { t, l, lang } = useLocale();
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1) || 1;
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined]));
  const key = params.toString();
  const list = useAsync((signal) => api<CaseList>(`/cases${query({ ...filters, page, pageSize: PAGE_SIZE })}`, { signal }), [key]);
  const [form] = Form.useForm();
  const officers = useDirectoryUsers('CASE_OFFICER').items ?? [];
  // An auditor's rows say where a case stands, not what it is about (三员分立): no title, official or channel.
  const auditor = user ? readsAsAuditor(user) : false;
  const official = user ? isOfficialConcerned(user) : false;

  function apply(values: Record<string, string | undefined>) {
    const next = new URLSearchParams();
    for (const k of FILTERS) if (values[k]?.trim()) next.set(k, values[k]!.trim());
    setParams(next);
  }

  return (
    <>
      <Typography.Title level={3}>{t('cases')}</Typography.Title>
      <Form form={form} layout="inline" initialValues={filters} onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }} aria-label="filters">
        <Form.Item name="stage">
          <Select
            allowClear
            placeholder={t('allStages')}
            aria-label={t('stage')}
            style={{ width: 160 }}
            options={STAGES.map((s) => ({ value: s, label: l(STAGE_LABELS[s]) }))}
          />
        </Form.Item>
        {/* No filter on what the rows leave out (the API refuses it): channel for auditors and the official concerned. */}
        {!auditor && !official && (
          <Form.Item name="channel">
            <Select
              allowClear
              placeholder={t('allChannels')}
              aria-label={t('channel')}
              style={{ width: 160 }}
              options={enumValues(SUPERVISION_CHANNELS).map((c) => ({ value: c, label: l(SUPERVISION_CHANNELS[c]) }))}
            />
          </Form.Item>
        )}
        {!official && (
          <Form.Item name="assignee">
            <Select
              allowClear
              placeholder={t('assigneeAny')}
              aria-label={t('assignee')}
              style={{ width: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={[
                ...(user ? [{ value: user.id, label: t('assigneeMe') }] : []),
                ...officers.filter((o) => o.id !== user?.id).map((o) => ({ value: o.id, label: o.displayName })),
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="orgUnit">
          <OrgUnitPicker placeholder={t('orgUnitPlaceholder')} aria-label={t('orgUnit')} style={{ width: 240 }} allowClear />
        </Form.Item>
        {/* The official concerned and auditors list cases without a text search (the API refuses it to them). */}
        {user && !official && !auditor && (
          <Form.Item name="q">
            <Input placeholder={t('searchPlaceholder')} aria-label={t('search')} style={{ width: 220 }} allowClear />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit">
            {t('search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              form.setFieldsValue(Object.fromEntries(FILTERS.map((k) => [k, undefined])));
              setParams(new URLSearchParams());
            }}
          >
            {t('reset')}
          </Button>
        </Space>
      </Form>
      {/* Every case the filters match, not this page: the server counts them first, for the progress. */}
      <div style={{ marginBottom: 12 }}>
        <ExportButtons path="/cases/export" params={filters} expectedRows={list.data?.totalCapped ? undefined : list.data?.total} />
      </div>
      <AsyncView state={list}>
        {(data) => (
          <Table<CaseListItem>
            rowKey="id"
            dataSource={data.items}
            size="middle"
            scroll={{ x: 1000 }}
            pagination={{
              current: data.page,
              pageSize: data.pageSize,
              total: data.total,
              showSizeChanger: false,
              // Counts stop at caseCountLimit: "10,000+" ("1,000+" for a text search) then, and the pages run up to that many cases.
              showTotal: (total) => t('listTotal', { n: `${total.toLocaleString(locale)}${data.totalCapped ? '+' : ''}` }),
              onChange: (p) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                setParams(next);
              },
            }}
            columns={[
              { title: t('number'), dataIndex: 'number', render: (n: string, r) => <Link to={`/cases/${r.id}`}>{n}</Link>, width: 150 },
              ...(auditor
                ? []
                : [
                    { title: t('title'), dataIndex: 'title', ellipsis: true },
                    { title: t('subject'), render: (_: unknown, r: CaseListItem) => `${r.subjectName ?? ''}（${r.subjectPosition ?? ''}）`, ellipsis: true, width: 200 },
                    { title: t('channel'), render: (_: unknown, r: CaseListItem) => r.channel && <ChannelText channel={r.channel} />, width: 120 },
                  ]),
              {
                title: t('stage'),
                render: (_, r) => (
                  <>
                    <StageTag stage={r.stage} label={r.stageLabel} />
                    {r.hasPendingApproval && <Tag color="gold">{t('pendingApproval')}</Tag>}
                  </>
                ),
                width: 200,
              },
              { title: t('registeredAt'), render: (_, r) => formatTime(r.registeredAt), width: 150 },
              { title: t('deadline'), render: (_, r) => <DeadlineCell caseId={r.id} dueAt={r.dueAt} card={r.card} supervised={r.supervised} />, width: 220 },
            ]}
          />
        )}
      </AsyncView>
    </>
  );
}
