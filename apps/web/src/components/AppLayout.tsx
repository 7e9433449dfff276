import { Alert, Badge, Button, Card, Layout, Menu, Space, Tag, Typography } from 'antd';
import {
  AuditOutlined,
  BellOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileAddOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SettingOutlined,
  ScheduleOutlined,
  SwapOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { ROLE_LABELS } from '@dandang/contracts';
import { CASE_READER_ROLES } from '@dandang/domain';
import { useSession } from '../auth/session';
import { useLocale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import { UNREAD_LIMIT, UnreadProvider, useUnread } from '../notifications/unread';
import { ChangePassword } from './ChangePassword';
import { LanguageSwitch } from './LanguageSwitch';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  visible?: (hasRole: ReturnType<typeof useSession>['hasRole']) => boolean;
}

/** The menu; fault-tolerance and deadline pages join it when their issues land. */
const NAV: NavItem[] = [
  { path: '/tasks', label: 'myTasks', icon: <OrderedListOutlined /> },
  { path: '/cases', label: 'cases', icon: <UnorderedListOutlined /> },
  { path: '/cases/new', label: 'registerClue', icon: <FileAddOutlined />, visible: (has) => has('INTAKE_OFFICER', 'CASE_OFFICER') },
  { path: '/approvals', label: 'approvals', icon: <AuditOutlined />, visible: (has) => has('SUPERVISOR') },
  { path: '/dashboard', label: 'dashboard', icon: <DashboardOutlined />, visible: (has) => has(...CASE_READER_ROLES) },
  { path: '/reports', label: 'reports', icon: <BarChartOutlined />, visible: (has) => has(...CASE_READER_ROLES) },
  { path: '/effects', label: 'effects', icon: <ProfileOutlined />, visible: (has) => has(...CASE_READER_ROLES) },
  { path: '/notifications', label: 'notifications', icon: <BellOutlined /> },
  { path: '/reassignments', label: 'reassignments', icon: <SwapOutlined />, visible: (has) => has('SUPERVISOR') },
  { path: '/admin/policies', label: 'referenceData', icon: <ScheduleOutlined />, visible: (has) => has('ADMIN') },
  { path: '/admin/directory', label: 'administration', icon: <SettingOutlined />, visible: (has) => has('ADMIN') },
];

export function AppLayout() {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword) return <MustChangePassword />;
  return (
    <UnreadProvider key={user.id}>
      <SignedInLayout />
    </UnreadProvider>
  );
}

/** An administrator set this password: the API allows nothing else until it is changed, so nothing else is shown. */
function MustChangePassword() {
  const { passwordChanged, signOut } = useSession();
  const { t } = useLocale();
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', paddingTop: 64 }}>
      <Card title={t('changePassword')} style={{ width: 440 }} extra={<Button size="small" onClick={signOut}>{t('signOut')}</Button>}>
        <Alert role="status" type="warning" showIcon title={t('mustChangePassword')} style={{ marginBottom: 16 }} />
        <ChangePassword forced onChanged={passwordChanged} />
      </Card>
    </Layout>
  );
}

/** The bell in the header: unread notifications, a link to the Notifications page. */
function UnreadBell() {
  const { t } = useLocale();
  const { count } = useUnread();
  const n = count ?? 0;
  return (
    <Link to="/notifications" aria-label={t('unreadCount', { n: String(n) })} data-testid="unread-count" data-count={count ?? ''}>
      <Badge count={n} overflowCount={UNREAD_LIMIT - 1} size="small">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Link>
  );
}

function SignedInLayout() {
  const { user: signedIn, signOut, hasRole } = useSession();
  const user = signedIn!;
  const { t, l } = useLocale();
  const location = useLocation();
  const items = NAV.filter((n) => !n.visible || n.visible(hasRole));
  const selected = items
    .map((n) => n.path)
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={64}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18, color: '#b71c1c' }}>担当 Dandang</div>
        <nav aria-label="main">
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items.map((n) => ({ key: n.path, icon: n.icon, label: <Link to={n.path}>{t(n.label)}</Link> }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'space-between', alignItems: 'center', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Text strong>{t('appName')}</Typography.Text>
          <Space size="middle">
            <UnreadBell />
            <span data-testid="current-user">
              {user.displayName}{' '}
              {user.roles.map((r) => (
                <Tag key={r} color="blue">
                  {l(ROLE_LABELS[r])}
                </Tag>
              ))}
            </span>
            <LanguageSwitch />
            <ChangePassword />
            <Button size="small" onClick={signOut}>
              {t('signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
