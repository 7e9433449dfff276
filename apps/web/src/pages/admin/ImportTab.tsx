import { useState } from 'react';
import { Alert, Button, Form, Input, Space, Table, Typography, Upload, type UploadFile } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { DirectoryImportResult } from '@dandang/contracts';
import { ApiError, api, apiFile, type FieldProblem } from '../../api/client';
import { useAdminText } from './admin-text';

/** Saves `blob` as a download named `fileName`. */
export function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  URL.revokeObjectURL(url);
}

/** 批量导入: the template, the upload, and either every problem by row and column or the one-time passwords. */
export function ImportTab({ reload }: { reload(): void }) {
  const text = useAdminText();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [result, setResult] = useState<DirectoryImportResult | null>(null);

  const download = async (query: string) => {
    const { blob, fileName } = await apiFile(`/admin/import/template${query}`);
    save(blob, fileName);
  };
  const submit = async () => {
    setBusy(true);
    setProblems(null);
    setRefusal(null);
    setResult(null);
    const body = new FormData();
    body.append('reason', reason);
    // A CSV goes under its sheet's name when its file name says which; else the API reads its header.
    for (const f of files) body.append(/user|人员/i.test(f.name) ? 'users' : /unit|单位/i.test(f.name) ? 'units' : 'file', f.originFileObj as File, f.name);
    try {
      setResult(await api<DirectoryImportResult>('/admin/import', { method: 'POST', body }));
      setFiles([]);
      reload();
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'ERROR', (e as Error).message);
      if (error.fields.length) setProblems(error.fields);
      else setRefusal(error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary">{text('importHint')}</Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => void download('')}>{text('template')} (XLSX)</Button>
        <Button icon={<DownloadOutlined />} onClick={() => void download('?format=csv&sheet=units')}>{text('templateCsv', { sheet: text('units') })}</Button>
        <Button icon={<DownloadOutlined />} onClick={() => void download('?format=csv&sheet=users')}>{text('templateCsv', { sheet: text('users') })}</Button>
      </Space>
      <Form layout="vertical" style={{ maxWidth: 560 }} onFinish={() => void submit()} data-testid="directory-import">
        <Form.Item label={text('chooseFiles')}>
          <Upload multiple maxCount={2} accept=".xlsx,.csv" fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
            <Button icon={<UploadOutlined />}>{text('chooseFiles')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item label={text('reason')} required>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!files.length || !reason.trim()}>
          {text('importNow')}
        </Button>
      </Form>
      {refusal && <Alert role="alert" type="error" showIcon title={refusal} />}
      {problems && (
        <>
          <Alert role="alert" type="error" showIcon title={text('importRefused')} />
          <Table<FieldProblem> rowKey={(p) => `${p.field} ${p.message}`} size="small" dataSource={problems} pagination={false} data-testid="import-problems"
            columns={[{ title: text('where'), dataIndex: 'field', width: 200 }, { title: text('problem'), dataIndex: 'message' }]} />
        </>
      )}
      {result && (
        <>
          <Alert type="success" showIcon title={text('imported', { units: String(result.units.length), users: String(result.users.length) })} />
          <Typography.Paragraph>{text('oneTimePasswordHint', { name: text('users') })}</Typography.Paragraph>
          <Table rowKey={(r) => r.user.id} size="small" dataSource={result.users} pagination={false} data-testid="import-passwords"
            columns={[
              { title: text('username'), render: (_, r) => r.user.username },
              { title: text('displayName'), render: (_, r) => r.user.displayName },
              { title: text('oneTimePassword'), render: (_, r) => <Typography.Text code copyable>{r.oneTimePassword}</Typography.Text> },
            ]} />
        </>
      )}
    </Space>
  );
}
