import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { CORRECTION_SEVERITIES, SHORT_TEXT, enumValues, type FieldSpec, type PersonConcerned } from '@dandang/contracts';
import type { Role } from '@dandang/contracts';
import { useLocale } from '../i18n/locale';
import { enumFor, labelOf } from '../labels';
import { AccountabilityFormsInput } from './AccountabilityFormsInput';
import { CollectiveVotesInput } from './CollectiveVotesInput';
import { OrgUnitPicker, UserPicker, UsersPicker } from './DirectoryPickers';
import { PersonFindingsInput } from './PersonFindingsInput';
import { PersonSelect } from './PersonSelect';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whom a user field offers: officers to assign, the official concerned's own account; else anyone. */
const ROLE_OF_USER_FIELD: Record<string, Role> = { assigneeId: 'CASE_OFFICER', toUserId: 'CASE_OFFICER', userId: 'SUBJECT' };
/** uuid fields that name an org unit, not a user. */
const ORG_UNIT_FIELDS = ['orgUnitId'];

/** A value an officer may pick for a free-text field instead of typing it (a correction item, a visit). */
export interface FieldChoice {
  value: string;
  label: string;
}

/**
 * One form item built from an action's field spec (libs/contracts ACTION_SPECS). Every FieldSpec type has its
 * input here; a type this build does not know (a newer API) is entered as JSON, with a warning saying so.
 */
export function FieldInput({
  name,
  spec,
  selfId,
  choices,
  persons = [],
}: {
  name: string;
  spec: FieldSpec;
  selfId: string;
  choices?: FieldChoice[];
  /** The case's persons concerned, for the `person` and `personFindings` fields. */
  persons?: readonly Pick<PersonConcerned, 'personId' | 'name' | 'position'>[];
}) {
  const { l, t } = useLocale();
  const label = l(spec.label);
  const required = { required: spec.required, message: `${label}: ${t('fixFields')}` };
  switch (spec.type) {
    case 'text':
      if (choices && choices.length > 0) {
        return (
          <Form.Item name={name} label={label} rules={[required]}>
            <Select aria-label={label} allowClear={!spec.required} options={choices} />
          </Form.Item>
        );
      }
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
    case 'enumList': {
      const e = enumFor(spec.values);
      return (
        <Form.Item name={name} label={label} rules={[{ ...required, type: 'array', min: spec.required ? 1 : 0 }]}>
          <Checkbox.Group aria-label={label} options={spec.values.map((value) => ({ value, label: l(labelOf(e, value)) }))} />
        </Form.Item>
      );
    }
    case 'integer':
      return (
        <Form.Item
          name={name}
          label={`${label}（${spec.min}–${spec.max}）`}
          rules={[required, { type: 'integer', min: spec.min, max: spec.max, message: t('integerRange', { min: String(spec.min), max: String(spec.max) }) }]}
        >
          <InputNumber min={spec.min} max={spec.max} precision={0} step={1} aria-label={label} style={{ width: 160 }} />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item name={name} label={label} rules={[required]}>
          <Radio.Group
            aria-label={label}
            options={[
              { value: true, label: t('yes') },
              { value: false, label: t('no') },
            ]}
          />
        </Form.Item>
      );
    case 'datetime':
      return (
        <Form.Item name={name} label={label} rules={[required]}>
          <DatePicker showTime aria-label={label} />
        </Form.Item>
      );
    case 'uuid':
      if (ORG_UNIT_FIELDS.includes(name)) {
        return (
          <Form.Item name={name} label={label} rules={[required, { pattern: UUID, message: t('uuidHint') }]}>
            <OrgUnitPicker aria-label={label} allowClear={!spec.required} />
          </Form.Item>
        );
      }
      return (
        <Form.Item label={label} required={spec.required}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name={name} noStyle rules={[required, { pattern: UUID, message: t('uuidHint') }]}>
              <UserPicker role={ROLE_OF_USER_FIELD[name]} aria-label={label} allowClear={!spec.required} style={{ width: '100%' }} />
            </Form.Item>
            {ROLE_OF_USER_FIELD[name] !== 'SUBJECT' && <SelfButton name={name} selfId={selfId} />}
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
      return <AccountabilityFormsInput name={name} label={label} required={spec.required} />;
    case 'userList':
      // Several case officers (an inquiry team): the picker in multiple mode.
      return (
        <Form.Item name={name} label={label} rules={[required]}>
          <UsersPicker role="CASE_OFFICER" aria-label={label} allowClear style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'person':
      return (
        <Form.Item name={name} label={label} rules={[required]}>
          <PersonSelect persons={persons} aria-label={label} allowClear={!spec.required} />
        </Form.Item>
      );
    case 'personFindings':
      return <PersonFindingsInput name={name} label={label} required={spec.required} persons={persons} />;
    case 'collectiveVotes':
      return <CollectiveVotesInput name={name} label={label} required={spec.required} />;
    case 'correctionItems':
      return <CorrectionItemsInput name={name} label={label} selfId={selfId} />;
    case 'object':
      return <JsonInput name={name} label={label} required={spec.required} />;
    default: {
      // A field type newer than this build: tsc flags it here, and at run time it is still enterable.
      const unknown: never = spec;
      const loose = unknown as { type: string; label?: { zh: string; en: string }; required?: boolean };
      return <JsonInput name={name} label={l(loose.label) || name} required={!!loose.required} unknownType={loose.type} />;
    }
  }
}

function SelfButton({ name, selfId }: { name: string | (string | number)[]; selfId: string }) {
  const { t } = useLocale();
  const form = Form.useFormInstance();
  return <Button onClick={() => form.setFieldValue(name, selfId)}>{t('me')}</Button>;
}

/** A structured value typed as JSON: the `object` type, and any type this build does not know. */
function JsonInput({ name, label, required, unknownType }: { name: string; label: string; required: boolean; unknownType?: string }) {
  const { t } = useLocale();
  return (
    <>
      {unknownType && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('unknownFieldType', { type: unknownType })} data-unknown-field={name} />
      )}
      <Form.Item
        name={name}
        label={`${label}（JSON）`}
        rules={[
          { required, message: `${label}: ${t('fixFields')}` },
          {
            validator: (_, value: unknown) => {
              if (value === undefined || value === '') return Promise.resolve();
              try {
                JSON.parse(String(value));
                return Promise.resolve();
              } catch {
                return Promise.reject(new Error(t('invalidJson')));
              }
            },
          },
        ]}
      >
        <Input.TextArea rows={4} aria-label={label} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
    </>
  );
}

const SEVERITIES = enumValues(CORRECTION_SEVERITIES);

/** Correction plan items: owner, action, severity, and a due date (else the policy's default for the severity). */
function CorrectionItemsInput({ name, label, selfId }: { name: string; label: string; selfId: string }) {
  const { l, t } = useLocale();
  return (
    <Form.Item label={label} required>
      <Form.List name={name} initialValue={[{}]}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <div key={row.key} style={{ border: '1px dashed #d9d9d9', padding: 8, marginBottom: 8 }} data-correction-row={row.name}>
                <Form.Item name={[row.name, 'action']} label={t('correctionAction')} rules={[{ required: true, message: t('correctionAction') }]}>
                  <Input.TextArea rows={2} maxLength={2000} aria-label={t('correctionAction')} />
                </Form.Item>
                <Space align="baseline" wrap>
                  <Space.Compact>
                    <Form.Item name={[row.name, 'owner']} noStyle rules={[{ required: true, pattern: UUID, message: t('uuidHint') }]}>
                      <UserPicker role="CASE_OFFICER" placeholder={t('correctionOwner')} aria-label={t('correctionOwner')} style={{ width: 300 }} />
                    </Form.Item>
                    <SelfButton name={[name, row.name, 'owner']} selfId={selfId} />
                  </Space.Compact>
                  <Form.Item name={[row.name, 'severity']} rules={[{ required: true, message: t('severity') }]}>
                    <Select
                      style={{ width: 120 }}
                      aria-label={t('severity')}
                      placeholder={t('severity')}
                      options={SEVERITIES.map((value) => ({ value, label: l(CORRECTION_SEVERITIES[value]) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'dueDate']}>
                    <DatePicker aria-label={t('dueDate')} placeholder={t('dueDateDefault')} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('remove')} onClick={() => remove(row.name)} />
                </Space>
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('addItem')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
