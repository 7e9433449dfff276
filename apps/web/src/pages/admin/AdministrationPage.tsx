import { useCallback, useEffect, useState } from 'react';
import { Tabs, Typography } from 'antd';
import type { AdminOrgUnit } from '@dandang/contracts';
import { api } from '../../api/client';
import { useLocale } from '../../i18n/locale';
import { useAdminText } from './admin-text';
import { DocumentTemplatesTab } from './DocumentTemplatesTab';
import { ImportTab } from './ImportTab';
import { OrgUnitsTab } from './OrgUnitsTab';
import { UsersTab } from './UsersTab';

/** 系统管理 (administrators only): the unit tree, the accounts, bulk import and the document templates; each change asks why. */
export function AdministrationPage() {
  const { t } = useLocale();
  const text = useAdminText();
  const [units, setUnits] = useState<AdminOrgUnit[]>([]);
  const reload = useCallback(() => {
    void api<AdminOrgUnit[]>('/admin/org-units').then(setUnits);
  }, []);
  useEffect(reload, [reload]);
  return (
    <>
      <Typography.Title level={3}>{t('administration')}</Typography.Title>
      <Tabs
        items={[
          { key: 'users', label: text('users'), children: <UsersTab units={units} reload={reload} /> },
          { key: 'units', label: text('units'), children: <OrgUnitsTab units={units} reload={reload} /> },
          { key: 'import', label: text('import'), children: <ImportTab reload={reload} /> },
          { key: 'templates', label: text('templates'), children: <DocumentTemplatesTab /> },
        ]}
      />
    </>
  );
}
