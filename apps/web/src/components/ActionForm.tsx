import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, Form, Space } from 'antd';
import { ACTION_SPECS, type ActionName, type FieldSpec, type Label } from '@dandang/contracts';
import { ApiError, api } from '../api/client';
import { useSubmissionKey } from '../api/submission';
import type { CaseDetail } from '@dandang/contracts';
import { useLocale } from '../i18n/locale';
import { FieldInput, type FieldChoice } from './FieldInput';
import { casePersons } from './PersonSelect';
import { fieldsFor, problemPath, toPayload } from './action-payload';

/** What a form is built from: ACTION_SPECS entries and the review steps share this shape. */
export interface FormSpec {
  label: Label;
  fields: Record<string, FieldSpec>;
  irreversible: boolean;
  conditionalFields?: Record<string, FieldSpec>;
}

/** Free-text fields that name something on the case: offered as a choice of what is there. */
function choicesFor(detail: CaseDetail, name: string, l: (label: Label) => string): FieldChoice[] | undefined {
  if (name === 'itemId' && detail.correction) {
    return detail.correction.items.map((i) => ({ value: i.id, label: `${i.id} · ${i.action} (${i.status})` }));
  }
  if (name === 'visitId' && detail.followUp?.length) {
    return detail.followUp.filter((v) => !v.record).map((v) => ({ value: v.id, label: `${v.id} · ${v.dueAt.slice(0, 10)}` }));
  }
  void l;
  return undefined;
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
  spec: given,
  extraBody,
}: {
  caseDetail: CaseDetail;
  action: ActionName | string;
  selfId: string;
  onDone(updated: CaseDetail): void;
  onCancel(): void;
  /** Defaults to ACTION_SPECS[action]; a review step passes its own. */
  spec?: FormSpec;
  /** Sent beside the fields (a review step's `reviewId`). */
  extraBody?: Record<string, unknown>;
}) {
  const declared: FormSpec = given ?? ACTION_SPECS[action as ActionName];
  const spec: FormSpec = { ...declared, fields: fieldsFor(declared.fields, caseDetail) };
  const persons = casePersons(caseDetail);
  const { t, l } = useLocale();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const submission = useSubmissionKey();
  const actionLabel = l(spec.label);

  async function send(values: Record<string, unknown>) {
    setBusy(true);
    setRefusal(null);
    try {
      const updated = await api<CaseDetail>(`/cases/${caseDetail.id}/actions/${action}`, {
        method: 'POST',
        body: {
          ...toPayload({ ...spec.fields, ...spec.conditionalFields }, values),
          ...extraBody,
          ...(extraBody?.reviewId ? {} : { expectedVersion: caseDetail.version }),
        },
        idempotencyKey: submission.key(),
      });
      submission.succeeded();
      void message.success(t('actionDone', { action: actionLabel }));
      onDone(updated);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'ERROR', (e as Error).message);
      const all = { ...spec.fields, ...spec.conditionalFields };
      const problems = error.fields.map((f) => problemPath(f.field, f.message)).filter((p) => String(p.name[0]) in all);
      form.setFields(problems.map((p) => ({ name: p.name, errors: [p.message] })));
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
          <FieldInput key={name} name={name} spec={field} selfId={selfId} choices={choicesFor(caseDetail, name, l)} persons={persons} />
        ))}
        {spec.conditionalFields && (
          <Collapse
            size="small"
            style={{ marginBottom: 16 }}
            defaultActiveKey={caseDetail.tolerance?.outcome === 'MITIGATION' ? ['conditional'] : []}
            items={[
              {
                key: 'conditional',
                label: t('conditionalFields'),
                forceRender: true,
                children: Object.entries(spec.conditionalFields).map(([name, field]) => (
                  <FieldInput key={name} name={name} spec={field} selfId={selfId} />
                )),
              },
            ]}
          />
        )}
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
