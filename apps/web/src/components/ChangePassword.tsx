import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { ApiError, api } from '../api/client';
import { useLocale } from '../i18n/locale';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 修改密码: a dialog from the header; the server's policy decides, and its refusals show beside their fields. `forced`:
 * the form alone, in place of the app, for a user who must first replace the password an administrator set.
 */
export function ChangePassword({ forced = false, onChanged }: { forced?: boolean; onChanged?: () => void } = {}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const close = () => {
    setOpen(false);
    setRefusal(null);
    form.resetFields();
  };
  const submit = async (values: Values) => {
    setSaving(true);
    setRefusal(null);
    try {
      await api('/auth/password', { method: 'POST', body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
      close();
      void message.success(t('passwordChanged'));
      onChanged?.();
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'ERROR', (e as Error).message);
      const byField = error.fields.filter((f) => f.field === 'currentPassword' || f.field === 'newPassword');
      form.setFields((['currentPassword', 'newPassword'] as const).map((name) => ({ name, errors: byField.filter((f) => f.field === name).map((f) => f.message) })));
      if (!byField.length) setRefusal(error.message);
    } finally {
      setSaving(false);
    }
  };
  const body = (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="change-password">
      <Form.Item name="currentPassword" label={t('currentPassword')} rules={[{ required: true, message: t('currentPassword') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('newPassword')} extra={t('passwordRule')} rules={[{ required: true, message: t('newPassword') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('confirmPassword') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('passwordsDiffer')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {refusal && <Alert role="alert" type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('changePassword')}
      </Button>
    </Form>
  );
  if (forced) return body;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('changePassword')}
      </Button>
      <Modal open={open} title={t('changePassword')} onCancel={close} footer={null} destroyOnHidden>
        {body}
      </Modal>
    </>
  );
}
