import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { INTAKE_METHODS, SHORT_TEXT, SUPERVISION_CHANNELS, enumValues } from '@dandang/contracts';
import { ApiError, api } from '../api/client';
import { useSubmissionKey } from '../api/submission';
import type { CaseDetail } from '@dandang/contracts';
import { useSession } from '../auth/session';
import { OrgUnitPicker, UserPicker } from '../components/DirectoryPickers';
import { useLocale } from '../i18n/locale';

interface Values {
  title?: string;
  summary?: string;
  channel?: string;
  intakeMethod?: string;
  subject?: { name?: string; position?: string; orgUnitId?: string; userId?: string };
  anonymous: boolean;
  reporter?: { name?: string; contact?: string };
  receivedAt?: Dayjs;
  orgUnitId?: string;
}

/** The registration body; blank fields are sent as they are so that the API names them. */
function toBody(v: Values): Record<string, unknown> {
  return {
    title: v.title?.trim() ?? '',
    summary: v.summary?.trim() ?? '',
    channel: v.channel,
    intakeMethod: v.intakeMethod,
    subject: {
      name: v.subject?.name?.trim() ?? '',
      position: v.subject?.position?.trim() ?? '',
      orgUnitId: v.subject?.orgUnitId?.trim() ?? '',
      ...(v.subject?.userId?.trim() ? { userId: v.subject.userId.trim() } : {}),
    },
    anonymous: v.anonymous,
    ...(v.anonymous ? {} : { reporter: { name: v.reporter?.name?.trim() ?? '', contact: v.reporter?.contact?.trim() ?? '' } }),
    receivedAt: v.receivedAt?.format('YYYY-MM-DDTHH:mm:ssZ'),
    ...(v.orgUnitId?.trim() ? { orgUnitId: v.orgUnitId.trim() } : {}),
  };
}

/** 登记问题线索. Validation is the API's: its 400 `fields` are shown beside the fields they name. */
export function RegisterCluePage() {
  const { t, l } = useLocale();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const anonymous = Form.useWatch('anonymous', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submission = useSubmissionKey();

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const created = await api<CaseDetail>('/cases', { method: 'POST', body: toBody(values), idempotencyKey: submission.key() });
      submission.succeeded();
      void message.success(`${t('registered')}: ${created.number}`);
      void navigate(`/cases/${created.id}`);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'ERROR', (e as Error).message);
      form.setFields(err.fields.map((f) => ({ name: f.field.split('.') as never, errors: [f.message] })));
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const req = { required: true };
  return (
    <>
      <Typography.Title level={3}>{t('registerClue')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('registerClueIntro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        disabled={busy}
        initialValues={{ anonymous: false, receivedAt: dayjs(), subject: { orgUnitId: user?.orgUnitId } }}
        style={{ maxWidth: 1000 }}
        autoComplete="off"
      >
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="title" label={t('title')} {...req}>
            <Input maxLength={SHORT_TEXT} />
          </Form.Item>
          <Form.Item name="summary" label={t('summary')} {...req}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="channel" label={t('channel')} {...req}>
                <Select aria-label={t('channel')} options={enumValues(SUPERVISION_CHANNELS).map((c) => ({ value: c, label: l(SUPERVISION_CHANNELS[c]) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="intakeMethod" label={t('intakeMethod')} {...req}>
                <Select aria-label={t('intakeMethod')} options={enumValues(INTAKE_METHODS).map((m) => ({ value: m, label: l(INTAKE_METHODS[m]) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="receivedAt" label={t('receivedAt')} {...req}>
                <DatePicker showTime style={{ width: '100%' }} aria-label={t('receivedAt')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="orgUnitId" label={t('handlingOrgUnit')}>
            <OrgUnitPicker aria-label={t('handlingOrgUnit')} allowClear />
          </Form.Item>
        </Card>
        <Card size="small" title={t('subject')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item name={['subject', 'name']} label={t('subjectName')} {...req}>
                <Input aria-label={`${t('subject')} ${t('subjectName')}`} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['subject', 'position']} label={t('subjectPosition')} {...req}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['subject', 'orgUnitId']} label={t('subjectOrgUnit')} {...req}>
                <OrgUnitPicker aria-label={`${t('subject')} ${t('subjectOrgUnit')}`} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['subject', 'userId']} label={t('subjectUserId')}>
                <UserPicker role="SUBJECT" aria-label={t('subjectUserId')} allowClear />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('reporter')} style={{ marginBottom: 16 }}>
          <Form.Item name="anonymous" label={t('anonymous')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {!anonymous && (
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item name={['reporter', 'name']} label={t('reporterName')} {...req}>
                  <Input aria-label={`${t('reporter')} ${t('reporterName')}`} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['reporter', 'contact']} label={t('reporterContact')} {...req}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          )}
        </Card>
        {error && (
          <Alert
            role="alert"
            type="error"
            showIcon
            title={error.fields.length ? t('fixFields') : t('refused')}
            description={error.message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('submit')}
        </Button>
      </Form>
    </>
  );
}
