import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { SessionProvider } from './auth/session';
import { AppLayout } from './components/AppLayout';
import { LocaleProvider, useLocale } from './i18n/locale';
import { AdministrationPage } from './pages/admin/AdministrationPage';
import { ApprovalsPage } from './pages/ApprovalsPage';
import { CaseDetailPage } from './pages/CaseDetailPage';
import { CasePrintPage } from './pages/CasePrintPage';
import { CasesPage } from './pages/CasesPage';
import { DashboardPage } from './pages/DashboardPage';
import { EffectsPage } from './pages/EffectsPage';
import { LoginPage } from './pages/LoginPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { ReassignmentPage } from './pages/ReassignmentPage';
import { ReferenceDataPage } from './pages/ReferenceDataPage';
import { RegisterCluePage } from './pages/RegisterCluePage';
import { ReportsPage } from './pages/ReportsPage';
import { TasksPage } from './pages/TasksPage';

function NotFound() {
  const { t } = useLocale();
  return <Result status="404" title="404" subTitle={t('notFound')} />;
}

/** Routes. The fault-tolerance assessment and deadline views are added here by their issues. */
function Routed() {
  const { lang } = useLocale();
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={<AppLayout />}>
                <Route index element={<Navigate to="/tasks" replace />} />
                <Route path="/tasks" element={<TasksPage />} />
                <Route path="/cases" element={<CasesPage />} />
                <Route path="/cases/new" element={<RegisterCluePage />} />
                <Route path="/cases/:id" element={<CaseDetailPage />} />
                <Route path="/cases/:id/print" element={<CasePrintPage />} />
                <Route path="/approvals" element={<ApprovalsPage />} />
                <Route path="/dashboard" element={<DashboardPage />} />
                <Route path="/reports" element={<ReportsPage />} />
                <Route path="/effects" element={<EffectsPage />} />
                <Route path="/notifications" element={<NotificationsPage />} />
                <Route path="/reassignments" element={<ReassignmentPage />} />
                <Route path="/admin/policies" element={<ReferenceDataPage />} />
                <Route path="/admin/directory" element={<AdministrationPage />} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <Routed />
    </LocaleProvider>
  );
}
