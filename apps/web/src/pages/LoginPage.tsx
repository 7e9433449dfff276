import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { IDLE_SIGN_OUT_MS, useSession } from '../auth/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useLocale } from '../i18n/locale';

export function LoginPage() {
  const { user, signIn, signedOutIdle, sessionEnded } = useSession();
  const { t } = useLocale();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/tasks';
  if (user) return <Navigate to={from} replace />;

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }} title={<Typography.Title level={4} style={{ margin: 0 }}>{t('appName')}</Typography.Title>} extra={<LanguageSwitch />}>
        {signedOutIdle && <Alert data-testid="idle-sign-out" type="info" showIcon title={t('signedOutIdle', { minutes: String(IDLE_SIGN_OUT_MS / 60_000) })} style={{ marginBottom: 16 }} />}
        {sessionEnded && !signedOutIdle && <Alert data-testid="session-ended" type="warning" showIcon title={t('sessionEnded')} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={(values) => void submit(values)} disabled={busy} requiredMark={false}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('username') }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('password') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert role="alert" type="error" showIcon title={t('signInFailed')} description={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
