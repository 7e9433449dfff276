import { Button, Checkbox, Form, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ACTION_SPECS, LENIENCY_GROUNDS, LENIENCY_LEVELS, RESPONSIBILITY_LEVELS, enumValues, type LabelledEnum, type PersonConcerned } from '@dandang/contracts';
import { useLocale } from '../i18n/locale';
import { AccountabilityFormsList } from './AccountabilityFormsInput';
import { PersonSelect } from './PersonSelect';

/** The labels of a finding's parts, as the report's single fields have them. */
const REPORT = ACTION_SPECS.submitInvestigationReport.fields;
export const FINDING_LABELS = {
  responsibilityLevel: REPORT.responsibilityLevel.label,
  leniency: REPORT.leniency.label,
  forms: REPORT.forms.label,
  grounds: REPORT.grounds.label,
};

type Persons = readonly Pick<PersonConcerned, 'personId' | 'name' | 'position'>[];

/**
 * The `personFindings` field: one row per person concerned, each with their responsibility, forms, leniency and its
 * grounds. A required list starts with a row for every person of the case; an optional one (a meeting that decided
 * otherwise than proposed) starts empty, and its first "add" adds every person. A server's refusal of one row
 * (`findings[1].forms`) shows in that row, beside the field it names.
 */
export function PersonFindingsInput({ name, label, required, persons }: { name: string; label: string; required: boolean; persons: Persons }) {
  const { l, t } = useLocale();
  // Watched, not read in render: a row's grounds appear as soon as its leniency is chosen (a Form.List does not
  // re-render for its own fields' input).
  const findings = Form.useWatch(name, Form.useFormInstance()) as { leniency?: string }[] | undefined;
  const everyone = persons.map((p) => ({ personId: p.personId, forms: [{}] }));
  const options = (e: LabelledEnum<string>) => enumValues(e).map((value) => ({ value, label: l(e[value]) }));
  return (
    <Form.Item label={label} required={required}>
      <Form.List name={name} initialValue={required ? everyone : []}>
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row) => (
              <div key={row.key} style={{ border: '1px dashed #d9d9d9', padding: 8, marginBottom: 8 }} data-finding-row={row.name}>
                <Space align="baseline" wrap>
                  <Form.Item name={[row.name, 'personId']} rules={[{ required: true, message: t('personConcerned') }]}>
                    <PersonSelect persons={persons} aria-label={t('personConcerned')} style={{ width: 260 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('removeFinding')} onClick={() => remove(row.name)} />
                </Space>
                <Space align="baseline" wrap>
                  <Form.Item name={[row.name, 'responsibilityLevel']} rules={[{ required: true, message: l(FINDING_LABELS.responsibilityLevel) }]}>
                    <Select style={{ width: 200 }} aria-label={l(FINDING_LABELS.responsibilityLevel)} placeholder={l(FINDING_LABELS.responsibilityLevel)} options={options(RESPONSIBILITY_LEVELS)} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'leniency']} rules={[{ required: true, message: l(FINDING_LABELS.leniency) }]}>
                    <Select style={{ width: 200 }} aria-label={l(FINDING_LABELS.leniency)} placeholder={l(FINDING_LABELS.leniency)} options={options(LENIENCY_LEVELS)} />
                  </Form.Item>
                </Space>
                <div data-finding-field="forms">
                  <div style={{ marginBottom: 4 }}>{l(FINDING_LABELS.forms)}</div>
                  <AccountabilityFormsList name={[row.name, 'forms']} path={[name, row.name, 'forms']} />
                </div>
                {/* Grounds go with a leniency other than NORMAL (问责条例 arts. 17–19). */}
                {![undefined, 'NORMAL'].includes(findings?.[row.name]?.leniency) && (
                  <Form.Item name={[row.name, 'grounds']} label={l(FINDING_LABELS.grounds)} style={{ marginTop: 8, marginBottom: 0 }}>
                    <Checkbox.Group aria-label={l(FINDING_LABELS.grounds)} options={options(LENIENCY_GROUNDS)} />
                  </Form.Item>
                )}
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => (rows.length ? add({ forms: [{}] }) : everyone.forEach((row) => add(row)))}>
              {t('addFinding')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
