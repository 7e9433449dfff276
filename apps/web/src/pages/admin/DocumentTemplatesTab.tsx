import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Table, Typography, Upload, type UploadFile } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { DocumentTemplateInfo } from '@dandang/contracts';
import { ApiError, api, apiFile } from '../../api/client';
import { useLocale } from '../../i18n/locale';
import { useAdminText } from './admin-text';
import { save } from './ImportTab';

/** The API's refusal: its message, and each problem (a template's bad tag is named in the one for `file`). */
interface Refusal {
  message: string;
  problems: string[];
}

const refusalOf = (e: unknown): Refusal => {
  const error = e instanceof ApiError ? e : new ApiError(0, 'ERROR', (e as Error).message);
  return { message: error.message, problems: error.fields.map((f) => `${f.field}: ${f.message}`) };
};

/** 文书模板: each kind's current template (version, 文号 prefix), its download, and its replacement by a .docx. */
export function DocumentTemplatesTab() {
  const { lang, l } = useLocale();
  const text = useAdminText();
  const [templates, setTemplates] = useState<DocumentTemplateInfo[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [replacing, setReplacing] = useState<DocumentTemplateInfo | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [prefix, setPrefix] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [replaced, setReplaced] = useState<DocumentTemplateInfo | null>(null);

  const reload = useCallback(() => {
    api<DocumentTemplateInfo[]>('/admin/document-templates').then(
      (list) => {
        setTemplates(list);
        setLoadError(null);
      },
      (e: unknown) => setLoadError(refusalOf(e).message),
    );
  }, []);
  useEffect(reload, [reload]);

  const download = async (kind: string) => {
    try {
      const { blob, fileName } = await apiFile(`/admin/document-templates/${kind}`);
      save(blob, fileName);
    } catch (e) {
      setLoadError(refusalOf(e).message);
    }
  };
  const open = (template: DocumentTemplateInfo) => {
    setReplacing(template);
    setFiles([]);
    setPrefix('');
    setRefusal(null);
  };
  const submit = async () => {
    if (!replacing || !files[0]) return;
    setBusy(true);
    setRefusal(null);
    const body = new FormData();
    body.append('file', files[0].originFileObj as File, files[0].name);
    if (prefix.trim()) body.append('numberPrefix', prefix.trim());
    try {
      setReplaced(await api<DocumentTemplateInfo>(`/admin/document-templates/${replacing.kind}`, { method: 'POST', body }));
      setReplacing(null);
      reload();
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary">{text('templatesHint')}</Typography.Paragraph>
      {loadError && <Alert role="alert" type="error" showIcon title={loadError} />}
      {replaced && (
        <Alert type="success" showIcon closable onClose={() => setReplaced(null)} data-testid="template-replaced"
          title={text('templateReplaced', { kind: l(replaced.label), version: String(replaced.version) })} />
      )}
      <Table<DocumentTemplateInfo> rowKey="kind" size="small" dataSource={templates} pagination={false} data-testid="document-templates"
        columns={[
          { title: text('documentKind'), render: (_, t) => l(t.label) },
          {
            title: text('templateVersion'),
            render: (_, t) => <span data-template-version={t.version}>{t.version === 0 ? text('builtinTemplate') : `v${t.version}`}</span>,
          },
          { title: text('numberPrefix'), dataIndex: 'numberPrefix' },
          {
            title: text('uploaded'),
            render: (_, t) => (t.uploadedAt ? `${t.uploadedBy ?? ''} ${new Date(t.uploadedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}` : '—'),
          },
          {
            title: text('actions'),
            render: (_, t) => (
              <Space>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(t.kind)}>{text('downloadTemplate')}</Button>
                <Button size="small" icon={<UploadOutlined />} onClick={() => open(t)}>{text('replaceTemplate')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={replacing !== null}
        title={replacing ? `${text('replaceTemplate')}: ${l(replacing.label)}` : ''}
        onCancel={() => setReplacing(null)}
        onOk={() => void submit()}
        okText={text('submit')}
        okButtonProps={{ loading: busy, disabled: !files.length }}
        destroyOnHidden
      >
        <Form layout="vertical" data-testid="template-upload">
          <Form.Item label={text('templateFile')} required>
            <Upload accept=".docx" maxCount={1} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(-1))}>
              <Button icon={<UploadOutlined />}>{text('templateFile')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item label={text('numberPrefix')} htmlFor="template-number-prefix" extra={text('numberPrefixHint', { prefix: replacing?.numberPrefix ?? '' })}>
            <Input id="template-number-prefix" value={prefix} onChange={(e) => setPrefix(e.target.value)} maxLength={20} placeholder={replacing?.numberPrefix} />
          </Form.Item>
        </Form>
        {refusal && (
          <Alert role="alert" type="error" showIcon data-testid="template-refused"
            title={refusal.problems.length ? text('templateRefused') : refusal.message}
            description={refusal.problems.length ? <ul style={{ margin: 0, paddingInlineStart: 20 }}>{refusal.problems.map((p) => <li key={p}>{p}</li>)}</ul> : undefined} />
        )}
      </Modal>
    </Space>
  );
}
