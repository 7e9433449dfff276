import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { downloadFile } from '../api/download';
import { useSession } from '../auth/session';
import { useLocale } from '../i18n/locale';

/** Beside a case: its print view, and for an auditor the export of its audit chain with the verification. */
export function CaseExtras({ id }: { id: string }) {
  const { t } = useLocale();
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const exportChain = async (format: 'json' | 'csv') => {
    setBusy(true);
    try {
      await downloadFile(`/cases/${id}/audit/export?format=${format}`, () => undefined);
    } catch (e) {
      void message.error(`${t('exportFailed')}: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space style={{ float: 'right' }} className="no-print">
      <Link to={`/cases/${id}/print`}>
        <PrinterOutlined /> {t('printView')}
      </Link>
      {hasRole('AUDITOR') && (
        <>
          <Button size="small" loading={busy} onClick={() => void exportChain('csv')}>
            {t('exportAuditChain')} (CSV)
          </Button>
          <Button size="small" loading={busy} onClick={() => void exportChain('json')}>
            {t('exportAuditChain')} (JSON)
          </Button>
        </>
      )}
    </Space>
  );
}
