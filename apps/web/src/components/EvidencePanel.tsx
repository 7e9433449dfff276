import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { EVIDENCE_KINDS, enumValues, type EvidenceFileView, type EvidenceKind } from '@dandang/contracts';
import { ApiError, api, apiFile, apiUpload } from '../api/client';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { useAsync } from './async';

/** Saves a downloaded file under the name the API gave it. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'ERROR', (e as Error).message));

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** One file on its way: its own request, its own progress bar, its own answer. */
interface Sending {
  uid: string;
  name: string;
  percent: number;
  error?: ApiError;
}

/** The API's refusal as the officer reads it: the message (413 names the limit, 415 the file) and each field at fault. */
function Refusal({ name, error }: { name: string; error: ApiError }) {
  const { t } = useLocale();
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      title={t('uploadRefused', { name })}
      description={
        <>
          <div>{error.message}</div>
          {error.fields.map((f) => (
            <div key={f.field} data-field={f.field}>
              <code>{f.field}</code>: {f.message}
            </div>
          ))}
        </>
      }
      data-status={error.status}
      data-reason={error.reason}
    />
  );
}

/**
 * 证据材料 as files (issue 19 §2): drop several files, each sent as its own request with a progress bar under the
 * kind and description given; the list with each file's SHA-256 as the server computed it; download; and 更正 (a
 * superseding file: evidence is never deleted). Staff who may not read the evidence (auditors, the official concerned)
 * get 403 from the list: `fallback` is shown instead.
 */
export function EvidencePanel({
  caseId,
  version,
  canUpload,
  unfiled,
  fallback,
}: {
  caseId: string;
  version: number;
  canUpload: boolean;
  /** Evidence the case records without a file (registered by description before evidence files). */
  unfiled: ReactNode;
  fallback: ReactNode;
}) {
  const { t, l } = useLocale();
  const list = useAsync((signal) => api<EvidenceFileView[]>(`/cases/${caseId}/evidence`, { signal }), [caseId, version]);
  const [kind, setKind] = useState<EvidenceKind>('DOCUMENT');
  const [description, setDescription] = useState('');
  const [correcting, setCorrecting] = useState<EvidenceFileView | null>(null);
  const [sending, setSending] = useState<Sending[]>([]);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The form as it was when the files were dropped, for each file's request.
  const form = useRef({ kind, description, correcting });
  form.current = { kind, description, correcting };

  if (list.error instanceof ApiError && (list.error.status === 403 || list.error.status === 404)) return <>{fallback}</>;
  const files = list.data ?? [];
  const byId = new Map(files.map((f) => [f.id, f]));
  const update = (uid: string, change: Partial<Sending>) => setSending((all) => all.map((s) => (s.uid === uid ? { ...s, ...change } : s)));

  async function send(file: File & { uid: string }) {
    const { kind: k, description: d, correcting: c } = form.current;
    setSending((all) => [...all.filter((s) => s.uid !== file.uid), { uid: file.uid, name: file.name, percent: 0 }]);
    const body = new FormData();
    // The fields before the file: the API reads them first and refuses a bad one before storing a byte.
    body.append('kind', k);
    body.append('description', d);
    if (c) body.append('supersedes', c.id);
    body.append('file', file, file.name);
    try {
      await apiUpload<EvidenceFileView>(`/cases/${caseId}/evidence`, body, (fraction) => update(file.uid, { percent: Math.round(fraction * 100) }));
      setSending((all) => all.filter((s) => s.uid !== file.uid));
      if (c) setCorrecting(null);
      list.reload();
    } catch (e) {
      update(file.uid, { error: asApiError(e) });
    }
  }

  const download = async (f: EvidenceFileView) => {
    setDownloading(f.id);
    setError(null);
    try {
      const got = await apiFile(`/cases/${caseId}/evidence/${f.id}/content`);
      save(got.blob, got.fileName);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setDownloading(null);
    }
  };

  const ready = description.trim().length > 0;
  return (
    <Card size="small" title={t('evidence')} style={{ marginBottom: 16 }} data-evidence-panel>
      <Space direction="vertical" style={{ width: '100%' }}>
        {canUpload && (
          <Form layout="vertical" component="div">
            {correcting && (
              <Alert
                type="info"
                showIcon
                title={t('correctingEvidence', { seq: String(correcting.seq), name: correcting.name })}
                action={
                  <Button size="small" onClick={() => setCorrecting(null)}>
                    {t('cancel')}
                  </Button>
                }
                style={{ marginBottom: 8 }}
                data-correcting={correcting.id}
              />
            )}
            <Space wrap align="start" style={{ width: '100%' }}>
              <Form.Item label={t('kind')} style={{ marginBottom: 8 }}>
                <Select<EvidenceKind>
                  style={{ minWidth: 180 }}
                  value={kind}
                  onChange={setKind}
                  options={enumValues(EVIDENCE_KINDS).map((k) => ({ value: k, label: l(EVIDENCE_KINDS[k]) }))}
                  data-evidence-kind
                />
              </Form.Item>
              <Form.Item label={t('description')} required style={{ marginBottom: 8, minWidth: 360 }}>
                <Input
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                  maxLength={10_000}
                  placeholder={t('evidenceDescriptionHint')}
                  data-evidence-description
                />
              </Form.Item>
            </Space>
            <div data-evidence-upload>
              <Upload.Dragger
                multiple={!correcting}
                disabled={!ready}
                showUploadList={false}
                customRequest={({ file, onSuccess }) => {
                  // Each file is its own request (the API takes one file per upload); progress is ours, below.
                  void send(file as File & { uid: string }).then(() => onSuccess?.(null));
                }}
              >
                <Typography.Paragraph style={{ margin: 0 }}>{ready ? t('dropEvidence') : t('describeEvidenceFirst')}</Typography.Paragraph>
                <Typography.Text type="secondary">{t('evidenceTypes')}</Typography.Text>
              </Upload.Dragger>
            </div>
          </Form>
        )}
        {sending.map((s) => (
          <div key={s.uid} data-sending={s.name}>
            <Typography.Text>{s.name}</Typography.Text>
            <Progress percent={s.percent} size="small" status={s.error ? 'exception' : s.percent === 100 ? 'success' : 'active'} />
            {s.error && <Refusal name={s.name} error={s.error} />}
          </div>
        ))}
        {error && <Refusal name="" error={error} />}
        <Table<EvidenceFileView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.loading && !list.data}
          scroll={{ x: 'max-content' }}
          dataSource={files}
          locale={{ emptyText: t('empty') }}
          onRow={(f) => ({ 'data-evidence-file': f.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '#', dataIndex: 'seq', width: 50 },
            { title: t('kind'), render: (_, f) => l(EVIDENCE_KINDS[f.kind]), width: 120 },
            {
              title: t('fileName'),
              render: (_, f) => (
                <>
                  <div data-evidence-name>{f.name}</div>
                  <Typography.Text type="secondary">{f.description}</Typography.Text>
                </>
              ),
            },
            { title: t('fileSize'), render: (_, f) => <span data-evidence-size={f.size}>{formatSize(f.size)}</span>, width: 100 },
            {
              title: 'SHA-256',
              render: (_, f) => (
                <Typography.Text code copyable={{ text: f.sha256 }} title={f.sha256} data-evidence-sha256={f.sha256}>
                  {f.sha256.slice(0, 12)}…
                </Typography.Text>
              ),
              width: 150,
            },
            { title: t('uploadedBy'), render: (_, f) => `${f.uploadedByName} · ${formatTime(f.uploadedAt)}`, width: 180 },
            {
              title: t('supersededBy'),
              render: (_, f) => (
                <Space direction="vertical" size={0}>
                  {f.supersededBy && (
                    <Tag color="orange" data-superseded-by={f.supersededBy}>{t('correctedBy', { seq: String(byId.get(f.supersededBy)?.seq ?? '?') })}
                    </Tag>
                  )}
                  {f.supersedes && <Tag>{t('corrects', { seq: String(byId.get(f.supersedes)?.seq ?? '?') })}</Tag>}
                </Space>
              ),
              width: 120,
            },
            {
              title: '',
              render: (_, f) => (
                <Space wrap size="small">
                  <Button size="small" loading={downloading === f.id} onClick={() => void download(f)} data-download="evidence">
                    {t('download')}
                  </Button>
                  {canUpload && !f.supersededBy && (
                    <Button size="small" onClick={() => setCorrecting(f)} data-action="correctEvidence">
                      {t('correctEvidence')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        {unfiled && (
          <>
            <Typography.Text type="secondary">{t('evidenceWithoutFile')}</Typography.Text>
            {unfiled}
          </>
        )}
      </Space>
    </Card>
  );
}
