import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ACCOUNTABILITY_FORMS, ACCOUNTABILITY_FORM_SUBTYPES, SHORT_TEXT, enumValues, type AccountabilityForm, type FieldSpec } from '@dandang/contracts';
import { useLocale } from '../i18n/locale';
import { enumFor, labelOf } from '../labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One form item built from an action's field spec (libs/contracts ACTION_SPECS). */
export function FieldInput({ name, spec, selfId }: { name: string; spec: FieldSpec; selfId: string }) {
  const { l, t } = useLocale();
  const label = l(spec.label);
  const required = { required: spec.required, message: `${label}: ${t('fixFields')}` };
  switch (spec.type) {
    case 'text':
      return (
        <Form.Item name={name} label={label} rules={[required, { max: spec.maxLength }]}>
          {spec.maxLength <= SHORT_TEXT ? <Input maxLength={spec.maxLength} /> : <Input.TextArea rows={3} maxLength={spec.maxLength} />}
        </Form.Item>
      );
    case 'enum': {
      const e = enumFor(spec.values);
      return (
        <Form.Item name={name} label={label} rules={[required]}>
          <Select
            allowClear={!spec.required}
            aria-label={label}
            options={spec.values.map((value) => ({ value, label: l(labelOf(e, value)) }))}
          />
        </Form.Item>
      );
    }
    case 'datetime':
      return (
        <Form.Item name={name} label={label} rules={[required]}>
          <DatePicker showTime aria-label={label} />
        </Form.Item>
      );
    case 'uuid':
      return (
        <Form.Item label={label} required={spec.required}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name={name} noStyle rules={[required, { pattern: UUID, message: t('uuidHint') }]}>
              <Input placeholder={t('uuidHint')} aria-label={label} />
            </Form.Item>
            <SelfButton name={name} selfId={selfId} />
          </Space.Compact>
        </Form.Item>
      );
    case 'sha256':
      return (
        <Form.Item name={name} label={label} rules={[required, { pattern: /^[0-9a-f]{64}$/i, message: 'SHA-256' }]}>
          <Input maxLength={64} />
        </Form.Item>
      );
    case 'accountabilityForms':
      return <AccountabilityFormsInput name={name} label={label} />;
  }
}

function SelfButton({ name, selfId }: { name: string; selfId: string }) {
  const { t } = useLocale();
  const form = Form.useFormInstance();
  return <Button onClick={() => form.setFieldValue(name, selfId)}>{t('me')}</Button>;
}

const FORMS = enumValues(ACCOUNTABILITY_FORMS);

function AccountabilityFormsInput({ name, label }: { name: string; label: string }) {
  const { l, t } = useLocale();
  const form = Form.useFormInstance();
  return (
    <Form.Item label={label} required>
      <Form.List name={name} initialValue={[{}]}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => {
              const chosen = form.getFieldValue([name, row.name, 'form']) as AccountabilityForm | undefined;
              const subtypes = chosen ? ACCOUNTABILITY_FORM_SUBTYPES[chosen] : undefined;
              return (
                <Space key={row.key} align="baseline" wrap>
                  <Form.Item name={[row.name, 'form']} rules={[{ required: true, message: t('form') }]}>
                    <Select
                      style={{ width: 220 }}
                      aria-label={t('form')}
                      placeholder={t('form')}
                      options={FORMS.map((value) => ({ value, label: l(ACCOUNTABILITY_FORMS[value]) }))}
                      onChange={() => form.setFieldValue([name, row.name, 'subtype'], undefined)}
                    />
                  </Form.Item>
                  {subtypes && (
                    <Form.Item name={[row.name, 'subtype']} rules={[{ required: true, message: t('subtype') }]}>
                      <Select
                        style={{ width: 200 }}
                        aria-label={t('subtype')}
                        placeholder={t('subtype')}
                        options={enumValues(subtypes).map((value) => ({ value, label: l(subtypes[value]) }))}
                      />
                    </Form.Item>
                  )}
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('remove')} onClick={() => remove(row.name)} />
                </Space>
              );
            })}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('addForm')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
