import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tabs, Typography } from 'antd';
import type { PinnedCalendar, PublishedCalendar, PublishedPolicy } from '@dandang/contracts';
import { ApiError, api } from '../api/client';
import { useSubmissionKey } from '../api/submission';
import { AsyncView, useAsync } from '../components/async';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';

type Kind = 'policies' | 'calendars';
type Published = PublishedPolicy | PublishedCalendar;

/** One year's schedule as edited: one day a line. */
interface YearRows {
  year: string;
  holidays: string;
  makeupWorkdays: string;
}

const omit = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

const lines = (text: string) => text.split(/[\s,，]+/).map((d) => d.trim()).filter(Boolean);

/**
 * 规则与日历 (administrators): the published policy and holiday-calendar versions; one is viewed, or copied into a new
 * version and published with a reason. A version is never changed; cases keep the versions they pinned. The checks
 * are the API's, whose 400 answers name each field at fault.
 */
export function ReferenceDataPage() {
  const { t } = useLocale();
  return (
    <>
      <Typography.Title level={3}>{t('referenceData')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('referenceDataIntro')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'policies', label: t('policies'), children: <Versions kind="policies" /> },
          { key: 'calendars', label: t('calendars'), children: <Versions kind="calendars" /> },
        ]}
      />
    </>
  );
}

function Versions({ kind }: { kind: Kind }) {
  const { t } = useLocale();
  const list = useAsync((signal) => api<Published[]>(`/admin/${kind}`, { signal }), [kind]);
  const [viewing, setViewing] = useState<Published>();
  const [editing, setEditing] = useState<Published>();
  return (
    <>
      <AsyncView state={list}>
        {(rows) => (
          <Table<Published>
            size="small"
            rowKey="version"
            data-testid={`${kind}-versions`}
            dataSource={rows}
            pagination={false}
            onRow={(r) => ({ 'data-version': r.version }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('version'), dataIndex: 'version' },
              { title: t('publishedAt'), dataIndex: 'publishedAt', render: (v: string) => formatTime(v) },
              {
                title: '',
                key: 'actions',
                render: (_, r) => (
                  <Space>
                    <Button size="small" onClick={() => setViewing(r)}>
                      {t('view')}
                    </Button>
                    <Button size="small" type="primary" onClick={() => setEditing(r)}>
                      {t('publishFromCopy')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </AsyncView>
      <Modal open={!!viewing} title={viewing?.version} footer={null} onCancel={() => setViewing(undefined)} width={760}>
        <pre data-testid="version-json" style={{ maxHeight: 480, overflow: 'auto', fontSize: 12 }}>
          {viewing && JSON.stringify(viewing.data, null, 2)}
        </pre>
      </Modal>
      {editing && (
        <PublishForm
          key={editing.version}
          kind={kind}
          base={editing}
          onDone={() => {
            setEditing(undefined);
            list.reload();
          }}
        />
      )}
    </>
  );
}

/** A new version from a copy of `base`: the calendar's years as day lists, anything else as JSON. */
function PublishForm({ kind, base, onDone }: { kind: Kind; base: Published; onDone(): void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  // The copy's own fields, less those typed apart: the new version, and a calendar's years.
  const rest = omit(base.data as unknown as Record<string, unknown>, 'version');
  const calendar = kind === 'calendars' ? (base.data as PinnedCalendar) : undefined;
  const [version, setVersion] = useState('');
  const [reason, setReason] = useState('');
  const [years, setYears] = useState<YearRows[]>(
    calendar
      ? Object.entries(calendar.years).map(([year, s]) => ({ year, holidays: s.holidays.join('\n'), makeupWorkdays: s.makeupWorkdays.join('\n') }))
      : [],
  );
  const others = calendar ? omit(rest, 'years') : rest;
  const [json, setJson] = useState(JSON.stringify(others, null, 2));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submission = useSubmissionKey();

  async function publish() {
    setError(null);
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(json || '{}') as Record<string, unknown>;
    } catch (e) {
      setError(new ApiError(400, 'INVALID_JSON', `${t('invalidJson')}: ${(e as Error).message}`));
      return;
    }
    if (calendar) {
      data.years = Object.fromEntries(years.filter((y) => y.year.trim()).map((y) => [y.year.trim(), { holidays: lines(y.holidays), makeupWorkdays: lines(y.makeupWorkdays) }]));
    }
    setBusy(true);
    try {
      await api(`/admin/${kind}`, { method: 'POST', body: { ...data, version: version.trim(), reason: reason.trim() }, idempotencyKey: submission.key() });
      submission.succeeded();
      void message.success(t('versionPublished', { version: version.trim() }));
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'ERROR', String(e)));
    } finally {
      setBusy(false);
    }
  }

  const setYear = (i: number, change: Partial<YearRows>) => setYears((ys) => ys.map((y, j) => (j === i ? { ...y, ...change } : y)));
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('newVersionFrom', { version: base.version })} data-testid="publish-form">
      <Form layout="vertical" onFinish={() => void publish()}>
        <Form.Item label={t('newVersion')} required>
          <Input aria-label={t('newVersion')} value={version} onChange={(e) => setVersion(e.target.value)} placeholder="2027-01" />
        </Form.Item>
        {calendar && (
          <>
            {years.map((y, i) => (
              <Card key={i} size="small" style={{ marginBottom: 12 }} data-calendar-year={y.year}>
                <Space align="start" wrap>
                  <Form.Item label={t('year')}>
                    <Input aria-label={t('year')} value={y.year} onChange={(e) => setYear(i, { year: e.target.value })} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item label={t('holidaysOnePerLine')}>
                    <Input.TextArea aria-label={`${t('holidaysOnePerLine')} ${y.year}`} rows={6} value={y.holidays} onChange={(e) => setYear(i, { holidays: e.target.value })} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item label={t('makeupWorkdaysOnePerLine')}>
                    <Input.TextArea aria-label={`${t('makeupWorkdaysOnePerLine')} ${y.year}`} rows={6} value={y.makeupWorkdays} onChange={(e) => setYear(i, { makeupWorkdays: e.target.value })} style={{ width: 200 }} />
                  </Form.Item>
                  <Button onClick={() => setYears((ys) => ys.filter((_, j) => j !== i))}>{t('remove')}</Button>
                </Space>
              </Card>
            ))}
            <Button onClick={() => setYears((ys) => [...ys, { year: '', holidays: '', makeupWorkdays: '' }])} style={{ marginBottom: 16 }}>
              {t('addYear')}
            </Button>
          </>
        )}
        <Form.Item label={calendar ? t('calendarRegionsJson') : t('policyJson')}>
          <Input.TextArea aria-label={calendar ? t('calendarRegionsJson') : t('policyJson')} rows={calendar ? 4 : 16} value={json} onChange={(e) => setJson(e.target.value)} style={{ fontFamily: 'monospace', fontSize: 12 }} />
        </Form.Item>
        <Form.Item label={t('reason')} required>
          <Input.TextArea aria-label={t('reason')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            data-testid="publish-error"
            title={error.fields.length ? t('publishRefused') : error.message}
            description={error.fields.length ? <ul>{error.fields.map((f) => <li key={f.field}>{`${f.field}: ${f.message}`}</li>)}</ul> : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!version.trim() || !reason.trim()}>
            {t('publish')}
          </Button>
          <Button onClick={onDone}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
