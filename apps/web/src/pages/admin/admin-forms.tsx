import { useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Modal, Typography, type FormInstance } from 'antd';
import type { AdminOrgUnit } from '@dandang/contracts';
import { ApiError } from '../../api/client';
import { useAdminText } from './admin-text';

/** The unit tree for a TreeSelect: retired units shown but not choosable. */
export function unitTree(units: AdminOrgUnit[], disabled: (u: AdminOrgUnit) => boolean = (u) => Boolean(u.retiredAt)) {
  type Node = { title: string; value: string; key: string; disabled: boolean; children: Node[] };
  const nodes = new Map<string, Node>(units.map((u) => [u.id, { title: `${u.name} (${u.code})`, value: u.id, key: u.id, disabled: disabled(u), children: [] }]));
  const roots: Node[] = [];
  for (const u of units) (u.parentId && nodes.get(u.parentId) ? nodes.get(u.parentId)!.children : roots).push(nodes.get(u.id)!);
  return roots;
}

/** Shows the API's refusals beside the fields they name; the rest as one message. */
export function showRefusal(form: FormInstance, error: unknown, fields: string[]): string | null {
  const e = error instanceof ApiError ? error : new ApiError(0, 'ERROR', (error as Error).message);
  const named = e.fields.filter((f) => fields.includes(f.field));
  form.setFields(fields.map((name) => ({ name, errors: named.filter((f) => f.field === name).map((f) => f.message) })));
  const rest = e.fields.filter((f) => !fields.includes(f.field));
  return named.length && !rest.length ? null : rest.length ? rest.map((f) => `${f.field}: ${f.message}`).join('; ') : e.message;
}

/**
 * A dialog with a form whose last field is the reason every change needs; `submit` gets the values and throws the
 * API's refusal, which lands beside its fields.
 */
export function ChangeDialog<T extends object>(props: {
  title: string;
  open: boolean;
  onClose(): void;
  fields: string[];
  initial?: Partial<T>;
  submit(values: T & { reason: string }): Promise<void>;
  children?: ReactNode;
  testId: string;
}) {
  const text = useAdminText();
  const [form] = Form.useForm<T & { reason: string }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const onFinish = async (values: T & { reason: string }) => {
    setSaving(true);
    setRefusal(null);
    try {
      await props.submit(values);
      form.resetFields();
      props.onClose();
    } catch (e) {
      setRefusal(showRefusal(form, e, [...props.fields, 'reason']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={props.open} title={props.title} onCancel={props.onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={props.initial} onFinish={(v) => void onFinish(v)} data-testid={props.testId} preserve={false}>
        {props.children}
        <Form.Item name="reason" label={text('reason')} rules={[{ required: true, whitespace: true, message: text('reasonRequired') }]}>
          <Input maxLength={500} />
        </Form.Item>
        {refusal && <Alert role="alert" type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={saving}>
          {text('submit')}
        </Button>
      </Form>
    </Modal>
  );
}

/** The one-time password of a new or reset account, shown this once. */
export function OneTimePasswordDialog({ issued, onClose }: { issued: { username: string; password: string } | null; onClose(): void }) {
  const text = useAdminText();
  return (
    <Modal open={Boolean(issued)} title={text('oneTimePassword')} onCancel={onClose} onOk={onClose} okText={text('done')} cancelButtonProps={{ style: { display: 'none' } }}>
      {issued && (
        <>
          <Typography.Paragraph>{text('oneTimePasswordHint', { name: issued.username })}</Typography.Paragraph>
          <Typography.Title level={3} copyable code data-testid="one-time-password">
            {issued.password}
          </Typography.Title>
        </>
      )}
    </Modal>
  );
}
