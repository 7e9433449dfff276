import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { ExportFormat } from '@dandang/contracts';
import { query } from '../api/client';
import { downloadFile, type DownloadProgress } from '../api/download';
import { useLocale } from '../i18n/locale';

const LABELS = { xlsx: 'exportXlsx', csv: 'exportCsv' } as const;

/**
 * 导出 XLSX / CSV of what the page shows, with its filters (`params`). While a large export arrives the bytes received
 * are shown; the rows the server counted come first, so the progress reads "n rows". An export offered in one format
 * only has it in its path (`/effects/export.xlsx`), and is asked for no `format`.
 */
export function ExportButtons({
  path,
  params,
  expectedRows,
  formats = ['xlsx', 'csv'],
}: {
  path: string;
  params: Record<string, string | number | undefined>;
  expectedRows?: number;
  formats?: readonly ExportFormat[];
}) {
  const { t, lang } = useLocale();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<(DownloadProgress & { format: ExportFormat }) | null>(null);
  const locale = lang === 'zh' ? 'zh-CN' : 'en';

  async function run(format: ExportFormat) {
    setProgress({ bytes: 0, format });
    try {
      await downloadFile(`${path}${query(formats.length > 1 ? { ...params, format } : params)}`, (p) => setProgress({ ...p, format }));
      void message.success(t('exportDone'));
    } catch (e) {
      void message.error(`${t('exportFailed')}: ${(e as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  const rows = progress?.rows ?? expectedRows;
  return (
    <Space data-testid="export" wrap>
      {formats.map((format) => (
        <Button key={format} icon={<DownloadOutlined />} loading={progress?.format === format} disabled={progress !== null} onClick={() => void run(format)}>
          {t(LABELS[format])}
        </Button>
      ))}
      {progress && (
        <Space role="status" aria-live="polite">
          <Spin size="small" />
          <Typography.Text type="secondary">
            {t('exportProgress', {
              rows: rows === undefined ? '…' : rows.toLocaleString(locale),
              size: `${(progress.bytes / 1024 / 1024).toFixed(1)} MB`,
            })}
          </Typography.Text>
        </Space>
      )}
    </Space>
  );
}
