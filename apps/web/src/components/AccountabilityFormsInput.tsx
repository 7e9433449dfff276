import { Button, Form, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ACCOUNTABILITY_FORMS, ACCOUNTABILITY_FORM_SUBTYPES, enumValues, type AccountabilityForm } from '@dandang/contracts';
import { useLocale } from '../i18n/locale';

const FORMS = enumValues(ACCOUNTABILITY_FORMS);

/**
 * A list of accountability forms, each with its subtype when the form has them. `name` is the list's name where it
 * stands (relative inside another Form.List), `path` its full name in the form. The list's own errors (a server's
 * `forms` or `findings[1].forms`) show under it.
 */
export function AccountabilityFormsList({ name, path = [name].flat(), initialValue }: { name: string | (string | number)[]; path?: (string | number)[]; initialValue?: object[] }) {
  const { l, t } = useLocale();
  const form = Form.useFormInstance();
  // Watched so that a form's subtypes show as soon as the form is chosen.
  const chosenForms = Form.useWatch(path, form) as { form?: AccountabilityForm }[] | undefined;
  return (
    <Form.List name={name} initialValue={initialValue}>
      {(rows, { add, remove }, { errors }) => (
        <>
          {rows.map((row) => {
            const chosen = chosenForms?.[row.name]?.form;
            const subtypes = chosen ? ACCOUNTABILITY_FORM_SUBTYPES[chosen] : undefined;
            return (
              <Space key={row.key} align="baseline" wrap>
                <Form.Item name={[row.name, 'form']} rules={[{ required: true, message: t('form') }]}>
                  <Select
                    style={{ width: 220 }}
                    aria-label={t('form')}
                    placeholder={t('form')}
                    options={FORMS.map((value) => ({ value, label: l(ACCOUNTABILITY_FORMS[value]) }))}
                    onChange={() => form.setFieldValue([...path, row.name, 'subtype'], undefined)}
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
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

/** The `accountabilityForms` field: one empty row to start with when the field is required. */
export function AccountabilityFormsInput({ name, label, required }: { name: string; label: string; required: boolean }) {
  return (
    <Form.Item label={label} required={required}>
      <AccountabilityFormsList name={name} initialValue={required ? [{}] : []} />
    </Form.Item>
  );
}
