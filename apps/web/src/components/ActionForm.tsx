import { useState } from 'react';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { ACTION_SPECS, type ActionName, type FieldSpec } from '@dandang/contracts';
import { ApiError, api } from '../api/client';
import type { CaseDetail } from '../api/types';
import { useLocale } from '../i18n/locale';
import { FieldInput } from './FieldInput';

/** The JSON payload from the form's values: dates as ISO strings, empty optional fields left out. */
function toPayload(fields: Record<string, FieldSpec>, values: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const value = values[name];
    if (value === undefined || value === null || value === '') continue;
    if (spec.type === 'datetime') payload[name] = (value as Dayjs).toISOString();
    else if (spec.type === 'accountabilityForms') {
      payload[name] = (value as { form?: string; subtype?: string }[])
        .filter((row) => row?.form)
        .map((row) => (row.subtype ? { form: row.form, subtype: row.subtype } : { form: row.form }));
    } else payload[name] = typeof value === 'string' ? value.trim() : value;
  }
  return payload;
}

/**
 * One action as a form built from its ACTION_SPECS field specs. Irreversible actions ask for a
 * confirmation first; a refusal shows the API's message, and field errors go beside their fields.
 */
export function ActionForm({
  caseDetail,
  action,
  selfId,
  onDone,
  onCancel,
}: {
  caseDetail: CaseDetail;
  action: ActionName;
  selfId: string;
  onDone(updated: CaseDetail): void;
  onCancel(): void;
}) {
  const spec = ACTION_SPECS[action];
  const { t, l } = useLocale();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const actionLabel = l(spec.label);

  async function send(values: Record<string, unknown>) {
    setBusy(true);
    setRefusal(null);
    try {
      const updated = await api<CaseDetail>(`/cases/${caseDetail.id}/actions/${action}`, {
        method: 'POST',
        body: { ...toPayload(spec.fields, values), expectedVersion: caseDetail.version },
      });
      void message.success(t('actionDone', { action: actionLabel }));
      onDone(updated);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'ERROR', (e as Error).message);
      const known = error.fields.filter((f) => f.field in spec.fields);
      form.setFields(known.map((f) => ({ name: f.field, errors: [f.message] })));
      setRefusal(error);
    } finally {
      setBusy(false);
    }
  }

  function submit(values: Record<string, unknown>) {
    if (!spec.irreversible) return void send(values);
    modal.confirm({
      title: t('irreversibleTitle'),
      content: t('irreversibleText', { action: actionLabel }),
      okText: t('confirm'),
      cancelText: t('cancel'),
      okButtonProps: { danger: true },
      onOk: () => send(values),
    });
  }

  return (
    <Card size="small" title={actionLabel} data-action-form={action}>
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy} autoComplete="off">
        {Object.entries(spec.fields).map(([name, field]) => (
          <FieldInput key={name} name={name} spec={field} selfId={selfId} />
        ))}
        {refusal && (
          <Alert
            role="alert"
            type="error"
            showIcon
            title={t('refused')}
            description={refusal.message}
            style={{ marginBottom: 16 }}
            data-reason={refusal.reason}
          />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} danger={spec.irreversible}>
            {actionLabel}
          </Button>
          <Button onClick={onCancel}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
