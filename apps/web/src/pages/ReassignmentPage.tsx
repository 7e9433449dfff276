import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseHolder, ReassignableCase, ReassignmentOutcome, ReassignmentStarted, ReassignmentView } from '@dandang/contracts';
import { ApiError, api, query } from '../api/client';
import { useSubmissionKey } from '../api/submission';
import { StageTag } from '../components/CaseTags';
import { UserPicker } from '../components/DirectoryPickers';
import { useAsync } from '../components/async';
import { useLocale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';

const OUTCOME: Record<ReassignmentOutcome, { key: MessageKey; color: string }> = {
  PENDING: { key: 'reassignPending', color: 'default' },
  APPLIED: { key: 'reassignApplied', color: 'green' },
  REFUSED: { key: 'reassignRefused', color: 'orange' },
  FAILED: { key: 'reassignFailed', color: 'red' },
};

/** How often a running reassignment's progress is read. */
const POLL_MS = 1000;

/**
 * 批量改派 (supervisors): the officer leaving, their open cases (all chosen, or some), the officer taking over and why;
 * then the run's progress with a result per case. Each case goes through its own `reassign`, so a refusal (recusal,
 * four eyes, stage) is listed with its reason and leaves that case where it was.
 */
export function ReassignmentPage() {
  const { t } = useLocale();
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [reason, setReason] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [runId, setRunId] = useState<string>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Bumped when a run is done: the holders and the cases left are read again.
  const [finishedRuns, setFinishedRuns] = useState(0);
  const submission = useSubmissionKey();
  const holders = useAsync((signal) => api<CaseHolder[]>('/reassignments/holders', { signal }), [finishedRuns]);
  const open = useAsync(
    (signal) => (from ? api<ReassignableCase[]>(`/reassignments/open-cases${query({ from })}`, { signal }) : Promise.resolve([])),
    [from, finishedRuns],
  );
  useEffect(() => setChosen((open.data ?? []).map((c) => c.id)), [open.data]);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      const all = chosen.length === (open.data ?? []).length;
      const started = await api<ReassignmentStarted>('/reassignments', {
        method: 'POST',
        body: { fromUserId: from, toUserId: to, reason: reason.trim(), ...(all ? {} : { caseIds: chosen }) },
        idempotencyKey: submission.key(),
      });
      submission.succeeded();
      setRunId(started.id);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'ERROR', String(e)));
    } finally {
      setBusy(false);
    }
  }

  const holderLabel = (h: CaseHolder) => `${h.displayName}（${h.username}）${h.active ? '' : ` · ${t('inactiveAccount')}`} · ${t('openCasesCount', { n: String(h.openCases) })}`;
  return (
    <>
      <Typography.Title level={3}>{t('reassignments')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('reassignIntro')}</Typography.Paragraph>
      <Card size="small">
        <Form layout="vertical" onFinish={() => void run()}>
          <Form.Item label={t('reassignFrom')} required>
            <Select
              aria-label={t('reassignFrom')}
              data-testid="reassign-from"
              value={from}
              loading={!holders.data}
              onChange={(v: string) => setFrom(v)}
              options={(holders.data ?? []).map((h) => ({ value: h.userId, label: holderLabel(h) }))}
              placeholder={t('pickUser')}
            />
          </Form.Item>
          {from && (
            <Table<ReassignableCase>
              size="small"
              rowKey="id"
              data-testid="reassign-open-cases"
              loading={open.loading}
              dataSource={open.data ?? []}
              pagination={false}
              rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]) }}
              columns={[
                { title: t('number'), dataIndex: 'number', render: (n: string, c) => <Link to={`/cases/${c.id}`}>{n}</Link> },
                { title: t('title'), dataIndex: 'title' },
                { title: t('stage'), dataIndex: 'stage', render: (s: ReassignableCase['stage']) => <StageTag stage={s} /> },
              ]}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form.Item label={t('reassignTo')} required>
            <UserPicker role="CASE_OFFICER" aria-label={t('reassignTo')} value={to} onChange={setTo} />
          </Form.Item>
          <Form.Item label={t('reason')} required>
            <Input.TextArea aria-label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={2000} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={busy} disabled={!from || !to || !reason.trim() || chosen.length === 0}>
            {t('reassignRun', { n: String(chosen.length) })}
          </Button>
        </Form>
      </Card>
      {runId && <RunProgress id={runId} onDone={() => setFinishedRuns((n) => n + 1)} />}
    </>
  );
}

/** A run's progress, read until it is done. */
function RunProgress({ id, onDone }: { id: string; onDone(): void }) {
  const { t } = useLocale();
  const [view, setView] = useState<ReassignmentView>();
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const next = await api<ReassignmentView>(`/reassignments/${id}`);
        if (!live) return;
        setView(next);
        setFailed(undefined);
        if (next.status === 'DONE') {
          onDone();
          return;
        }
      } catch (e) {
        if (live) setFailed((e as Error).message);
      }
      if (live) timer = setTimeout(() => void read(), POLL_MS);
    };
    void read();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [id]);
  return (
    <Card size="small" title={t('reassignProgress')} style={{ marginTop: 16 }} data-testid="reassign-progress" data-status={view?.status ?? ''}>
      {failed && <Alert type="warning" showIcon title={failed} style={{ marginBottom: 12 }} />}
      {view && (
        <>
          <Progress percent={view.total ? Math.round((100 * view.finished) / view.total) : 100} status={view.status === 'DONE' ? (view.failed ? 'exception' : 'success') : 'active'} />
          <Space style={{ margin: '8px 0' }}>
            <Tag color="green">{t('reassignApplied')} {view.applied}</Tag>
            <Tag color="orange">{t('reassignRefused')} {view.refused}</Tag>
            <Tag color="red">{t('reassignFailed')} {view.failed}</Tag>
          </Space>
          <Table
            size="small"
            rowKey="caseId"
            pagination={false}
            dataSource={view.cases}
            onRow={(c) => ({ 'data-result-case': c.caseId, 'data-outcome': c.outcome }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('number'), dataIndex: 'number', render: (n: string | undefined, c) => (n ? <Link to={`/cases/${c.caseId}`}>{n}</Link> : c.caseId) },
              { title: t('title'), dataIndex: 'title' },
              { title: t('reassignOutcome'), dataIndex: 'outcome', render: (o: ReassignmentOutcome) => <Tag color={OUTCOME[o].color}>{t(OUTCOME[o].key)}</Tag> },
              { title: t('reason'), dataIndex: 'reason', render: (r: string | undefined, c) => (r ? `${r}${c.message ? `：${c.message}` : ''}` : '') },
            ]}
          />
        </>
      )}
    </Card>
  );
}
