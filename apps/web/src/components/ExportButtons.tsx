import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { ExportFormat } from '@dandang/contracts';
import { query } from '../api/client';
import { downloadFile, type DownloadProgress } from '../api/download';
import { useLocale } from '../i18n/locale';

/**
 * 导出 XLSX / CSV of what the page shows, with its filters (`params`). While a large export arrives the bytes received
 * are shown; the rows the server counted come first, so the progress reads "n rows".
 */
export function ExportButtons({ path, params, expectedRows }: { path: string; params: Record<string, string | number | undefined>; expectedRows?: number }) {
  const { t, lang } = useLocale();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<(DownloadProgress & { format: ExportFormat }) | null>(null);
  const locale = lang === 'zh' ? 'zh-CN' : 'en';

  async function run(format: ExportFormat) {
    setProgress({ bytes: 0, format });
    try {
      await downloadFile(`${path}${query({ ...params, format })}`, (p) => setProgress({ ...p, format }));
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
      <Button icon={<DownloadOutlined />} loading={progress?.format === 'xlsx'} disabled={progress !== null} onClick={() => void run('xlsx')}>
        {t('exportXlsx')}
      </Button>
      <Button icon={<DownloadOutlined />} loading={progress?.format === 'csv'} disabled={progress !== null} onClick={() => void run('csv')}>
        {t('exportCsv')}
      </Button>
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
