import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import {
  DOCUMENT_SERVICE_METHODS,
  enumValues,
  isDocumentPersonKind,
  type CaseDocumentList,
  type CaseDocumentView,
  type DocumentKind,
  type DocumentServiceMethod,
  type PersonConcerned,
} from '@dandang/contracts';
import { ApiError, api, apiFile } from '../api/client';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { useAsync } from './async';
import { PersonSelect } from './PersonSelect';

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

/**
 * 文书: the documents generated from the case (number, kind, SHA-256, who and when), generating one of the kinds the
 * case supports now, downloading the .docx or a PDF, and recording who received it (送达). A document of one person
 * (陈述申辩笔录, 问责决定书, 处分决定书) is written for the person chosen when the case concerns several (`persons`);
 * with none chosen, the API writes it for the first it can.
 */
export function DocumentsPanel({
  caseId,
  version,
  persons = [],
  decided = [],
  appealsDecided = [],
}: {
  caseId: string;
  version: number;
  persons?: readonly PersonConcerned[];
  /** The persons a decision was made for (personDecisions), whose decision documents can be written. */
  decided?: readonly string[];
  /** The persons whose appeal was decided, whose 申诉复查决定书 can be written. */
  appealsDecided?: readonly string[];
}) {
  const { t, l } = useLocale();
  const list = useAsync((signal) => api<CaseDocumentList>(`/cases/${caseId}/documents`, { signal }), [caseId, version]);
  const [kind, setKind] = useState<DocumentKind | undefined>();
  const [personId, setPersonId] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [serving, setServing] = useState<string | null>(null);
  // A 403 (a role that reads no documents) or a 404 hides the panel: nothing to show or do here.
  if (list.error instanceof ApiError && (list.error.status === 403 || list.error.status === 404)) return null;
  const data = list.data;
  const choosesPerson = !!kind && isDocumentPersonKind(kind) && persons.length > 1;
  // Offered: those the document can be written for now (the API refuses the others, naming them).
  const eligible = !kind
    ? []
    : kind === 'STATEMENT_RECORD'
      ? persons.filter((p) => p.statement?.answer)
      : kind === 'APPEAL_REVIEW_DECISION'
        ? persons.filter((p) => appealsDecided.includes(p.personId))
      : decided.length > 0
        ? persons.filter((p) => decided.includes(p.personId))
        : persons;

  async function run(key: string, task: () => Promise<void>) {
    setBusy(key);
    setError(null);
    try {
      await task();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  }
  const generate = () =>
    run('generate', async () => {
      await api<CaseDocumentView>(`/cases/${caseId}/documents`, { method: 'POST', body: { kind, ...(choosesPerson && personId ? { personId } : {}) } });
      setKind(undefined);
      setPersonId(undefined);
      list.reload();
    });
  const download = (doc: CaseDocumentView, format: 'docx' | 'pdf') =>
    run(`${doc.id}-${format}`, async () => {
      const file = await apiFile(`/cases/${caseId}/documents/${doc.id}?format=${format}`);
      save(file.blob, file.fileName);
    });

  return (
    <Card size="small" title={t('documents')} style={{ marginBottom: 16 }} data-documents-panel>
      <Space direction="vertical" style={{ width: '100%' }}>
        {data && data.generatable.length > 0 && (
          <Space wrap>
            <Select<DocumentKind>
              style={{ minWidth: 240 }}
              placeholder={t('documentKind')}
              value={kind}
              onChange={(k) => {
                setKind(k);
                setPersonId(undefined);
              }}
              options={data.generatable.map((g) => ({ value: g.kind, label: l(g.label) }))}
              data-document-kind
            />
            {choosesPerson && (
              <PersonSelect
                persons={eligible.length > 0 ? eligible : persons}
                value={personId}
                onChange={setPersonId}
                allowClear
                aria-label={t('personConcerned')}
                placeholder={t('documentPerson')}
                style={{ minWidth: 220 }}
                data-document-person
              />
            )}
            <Button type="primary" disabled={!kind} loading={busy === 'generate'} onClick={() => void generate()} data-action="generateDocument">
              {t('generateDocument')}
            </Button>
          </Space>
        )}
        {error && <Alert role="alert" type="error" showIcon title={t('refused')} description={error.message} data-reason={error.reason} />}
        <Table<CaseDocumentView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.loading && !data}
          dataSource={data?.documents ?? []}
          locale={{ emptyText: t('empty') }}
          columns={[
            { title: t('documentNumber'), dataIndex: 'number', render: (n: string) => <span data-document-number>{n}</span> },
            { title: t('kind'), render: (_, d) => (d.personName ? `${l(d.kindLabel)}（${d.personName}）` : l(d.kindLabel)) },
            { title: 'SHA-256', render: (_, d) => <code title={d.sha256}>{d.sha256.slice(0, 12)}…</code>, width: 130 },
            { title: t('generatedBy'), render: (_, d) => `${d.generatedByName} · ${formatTime(d.generatedAt)}` },
            {
              title: t('served'),
              render: (_, d) =>
                d.services.map((s, i) => (
                  <Tag key={i}>
                    {s.recipient} · {l(DOCUMENT_SERVICE_METHODS[s.method])} · {formatTime(s.servedAt)}
                  </Tag>
                )),
            },
            {
              title: '',
              render: (_, d) => (
                <Space wrap size="small">
                  <Button size="small" loading={busy === `${d.id}-docx`} onClick={() => void download(d, 'docx')} data-download="docx">
                    .docx
                  </Button>
                  <Button size="small" loading={busy === `${d.id}-pdf`} onClick={() => void download(d, 'pdf')} data-download="pdf">
                    PDF
                  </Button>
                  {data && data.generatable.length > 0 && (
                    <Button size="small" onClick={() => setServing(serving === d.id ? null : d.id)} data-action="recordDocumentService">
                      {t('recordService')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        {serving && (
          <ServiceForm
            key={serving}
            onCancel={() => setServing(null)}
            onSubmit={(values) =>
              void run('service', async () => {
                await api(`/cases/${caseId}/documents/${serving}/service`, { method: 'POST', body: values });
                setServing(null);
                list.reload();
              })
            }
            busy={busy === 'service'}
          />
        )}
      </Space>
    </Card>
  );
}

interface ServiceValues {
  recipient: string;
  method: DocumentServiceMethod;
  servedAt: string;
  note?: string;
}

/** 送达: who received it, how and when (now by default). */
function ServiceForm({ onSubmit, onCancel, busy }: { onSubmit(values: ServiceValues): void; onCancel(): void; busy: boolean }) {
  const { t, l } = useLocale();
  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  return (
    <Form<{ recipient: string; method: DocumentServiceMethod; servedAt: string; note?: string }>
      layout="vertical"
      initialValues={{ method: 'IN_PERSON', servedAt: now }}
      onFinish={(v) => onSubmit({ ...v, servedAt: new Date(v.servedAt).toISOString(), note: v.note || undefined })}
      data-service-form
    >
      <Form.Item name="recipient" label={t('recipient')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="method" label={t('serviceMethod')} rules={[{ required: true }]}>
        <Select options={enumValues(DOCUMENT_SERVICE_METHODS).map((m) => ({ value: m, label: l(DOCUMENT_SERVICE_METHODS[m]) }))} />
      </Form.Item>
      <Form.Item name="servedAt" label={t('servedAt')} rules={[{ required: true }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={2} maxLength={10_000} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('submit')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}
