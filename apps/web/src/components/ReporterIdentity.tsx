import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { ACTION_SPECS, type CaseDetail, type RevealedReporter, type RevealRequestView } from '@dandang/contracts';
import { ApiError, api } from '../api/client';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import { ActionForm, type FormSpec } from './ActionForm';

/** The reveal's steps are shown here, not among the case's other actions. */
export const REVEAL_ACTIONS: readonly string[] = ['requestReporterIdentity', 'approveReporterIdentity', 'refuseReporterIdentity'];

const STATUS: Record<RevealRequestView['status'], { key: MessageKey; color: string }> = {
  PENDING: { key: 'revealPending', color: 'gold' },
  APPROVED: { key: 'revealApproved', color: 'green' },
  REFUSED: { key: 'revealRefused', color: 'red' },
  EXPIRED: { key: 'revealExpired', color: 'default' },
};

/** A decision's form: the request it decides is sent beside the reason, not typed in. */
const decisionSpec = (action: 'approveReporterIdentity' | 'refuseReporterIdentity'): FormSpec => {
  const fields = Object.fromEntries(Object.entries(ACTION_SPECS[action].fields).filter(([name]) => name !== 'seq'));
  return { ...ACTION_SPECS[action], fields };
};

/**
 * 检举控告人: whether the report is a named one; for an intake officer, the request to see who made it and, once a
 * custodian approved, the identity (each showing recorded); for a custodian (保密责任人), the requests to decide.
 */
export function ReporterPanel({ detail, selfId, onChanged }: { detail: CaseDetail; selfId: string; onChanged(): void }) {
  const { t } = useLocale();
  const [form, setForm] = useState<{ action: string; seq?: number } | null>(null);
  const reporter = detail.reporter;
  if (!reporter) return null;
  const may = (action: string) => detail.availableActions.some((a) => a.name === action);
  const done = () => {
    setForm(null);
    onChanged();
  };
  const mine = reporter.myRequest;
  return (
    <Card size="small" title={t('reporter')} style={{ marginBottom: 16 }} data-reporter-panel>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong data-report-kind={reporter.anonymous ? 'anonymous' : 'named'}>
          {reporter.anonymous ? t('anonymous') : t('namedReport')}
        </Typography.Text>
        {mine && <RequestLine request={mine} />}
        {mine?.status === 'APPROVED' && <Reveal caseId={detail.id} />}
        {may('requestReporterIdentity') && !form && (
          <Button onClick={() => setForm({ action: 'requestReporterIdentity' })} data-action="requestReporterIdentity">
            {t('requestReveal')}
          </Button>
        )}
        {reporter.awaitingMe.map((r) => (
          <Card key={r.seq} size="small" type="inner" title={t('revealAwaiting', { seq: String(r.seq) })} data-reveal-request={r.seq}>
            <RequestLine request={r} />
            <Space style={{ marginTop: 8 }}>
              {(['approveReporterIdentity', 'refuseReporterIdentity'] as const).filter(may).map((action) => (
                <Button key={action} onClick={() => setForm({ action, seq: r.seq })} data-action={action}>
                  {t(action === 'approveReporterIdentity' ? 'approveReveal' : 'refuseReveal')}
                </Button>
              ))}
            </Space>
          </Card>
        ))}
        {form && (
          <ActionForm
            key={`${form.action}-${form.seq ?? 0}-${detail.version}`}
            caseDetail={detail}
            action={form.action}
            selfId={selfId}
            spec={form.seq ? decisionSpec(form.action as 'approveReporterIdentity' | 'refuseReporterIdentity') : undefined}
            extraBody={form.seq ? { seq: form.seq } : undefined}
            onCancel={() => setForm(null)}
            onDone={done}
          />
        )}
      </Space>
    </Card>
  );
}

/** Who asked, why, and what became of it. */
function RequestLine({ request }: { request: RevealRequestView }) {
  const { t } = useLocale();
  const status = STATUS[request.status];
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'asked',
          label: t('revealRequest'),
          children: (
            <Space wrap>
              <Tag color={status.color} data-reveal-status={request.status}>
                {t(status.key)}
              </Tag>
              {request.requestedByName} · {formatTime(request.requestedAt)} · {request.reason}
            </Space>
          ),
        },
        ...(request.decidedAt
          ? [{ key: 'decided', label: t('revealDecision'), children: `${request.decidedByName ?? ''} · ${formatTime(request.decidedAt)} · ${request.decisionReason ?? ''}` }]
          : []),
        ...(request.expiresAt ? [{ key: 'until', label: t('revealUntil'), children: formatTime(request.expiresAt) }] : []),
      ]}
    />
  );
}

/** The identity, fetched only when the officer asks to see it: each fetch is a recorded showing. */
function Reveal({ caseId }: { caseId: string }) {
  const { t } = useLocale();
  const [shown, setShown] = useState<RevealedReporter | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function show() {
    setBusy(true);
    setError(null);
    try {
      setShown(await api<RevealedReporter>(`/cases/${caseId}/reporter`));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'ERROR', (e as Error).message));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="warning" showIcon title={t('revealRecordedNotice')} />
      {shown ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          data-revealed-reporter
          items={[
            { key: 'name', label: t('reporterName'), children: shown.name ?? '—' },
            { key: 'contact', label: t('reporterContact'), children: shown.contact ?? '—' },
            { key: 'until', label: t('revealUntil'), children: formatTime(shown.expiresAt) },
          ]}
        />
      ) : (
        <Button type="primary" loading={busy} onClick={() => void show()} data-action="showReporter">
          {t('showReporter')}
        </Button>
      )}
      {error && <Alert role="alert" type="error" showIcon title={t('refused')} description={error.message} data-reason={error.reason} />}
    </Space>
  );
}
