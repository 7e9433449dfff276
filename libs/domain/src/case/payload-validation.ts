import {
  ACCOUNTABILITY_FORMS,
  ACCOUNTABILITY_FORM_SUBTYPES,
  ACTION_SPECS,
  CORRECTION_SEVERITIES,
  LENIENCY_GROUNDS,
  LENIENCY_LEVELS,
  RESPONSIBILITY_LEVELS,
  VOTE_CHOICES,
  type ActionName,
  type FieldSpec,
} from '@dandang/contracts';
import type { FieldProblem } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256 = /^[0-9a-f]{64}$/i;
/** ISO 8601 date-time with an explicit offset, so a served-at time is never ambiguous. */
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_FORMS = 10;

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Date.parse rolls 2026-02-30 over to March; a date must exist as written. */
function isRealCalendarDate(value: string): boolean {
  if (Number.isNaN(Date.parse(value))) return false;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Checks one value against its spec; returns the problem or undefined. */
export function checkField(spec: FieldSpec, value: unknown): string | undefined {
  if (value === undefined || value === null) return spec.required ? 'is required' : undefined;
  switch (spec.type) {
    case 'text':
      if (typeof value !== 'string') return 'must be a string';
      if (spec.required && value.trim() === '') return 'must not be empty';
      if ([...value].length > spec.maxLength) return `must be at most ${spec.maxLength} characters`;
      if (value.includes('\u0000')) return 'must not contain NUL characters';
      return undefined;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? undefined
        : `must be one of ${spec.values.join(', ')}`;
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? undefined : 'must be a UUID';
    case 'sha256':
      return typeof value === 'string' && SHA256.test(value) ? undefined : 'must be 64 hexadecimal characters';
    case 'datetime':
      return typeof value === 'string' && ISO_DATETIME.test(value) && isRealCalendarDate(value)
        ? undefined
        : 'must be an ISO 8601 date-time with a time zone, e.g. 2026-05-01T09:30:00+08:00';
    case 'accountabilityForms':
      return checkForms(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max
        ? undefined
        : `must be a whole number from ${spec.min} to ${spec.max}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'enumList':
      return Array.isArray(value) && value.length <= spec.values.length && value.every((v) => typeof v === 'string' && spec.values.includes(v))
        ? undefined
        : `must be a list of ${spec.values.join(', ')}`;
    case 'correctionItems':
      return checkCorrectionItems(value);
    case 'userList':
      return Array.isArray(value) && value.length <= MAX_TEAM && value.every((v) => typeof v === 'string' && UUID.test(v)) && new Set(value).size === value.length
        ? undefined
        : `must be a list of at most ${MAX_TEAM} distinct user ids`;
    case 'person':
      return typeof value === 'string' && PERSON_ID.test(value) ? undefined : 'must be a person of the case (P1, P2, …)';
    case 'personFindings':
      return checkList(value, PERSON_FINDING_SPECS, MAX_PERSON_ITEMS, '{personId, responsibilityLevel, forms, leniency, grounds?}');
    case 'collectiveVotes':
      return checkList(value, VOTE_SPECS, MAX_VOTES, '{memberId, vote, opinion?}');
    case 'object':
      // Shaped by a domain rule of its own (e.g. checkAssessment), which names the problems field by field.
      return typeof value === 'object' ? undefined : 'must be a JSON object or list';
  }
}

const MAX_CORRECTION_ITEMS = 20;
const NO_LABEL = { zh: '', en: '' };
const CORRECTION_ITEM_SPECS: Record<string, FieldSpec> = {
  owner: { type: 'uuid', label: NO_LABEL, required: true },
  action: { type: 'text', label: NO_LABEL, required: true, maxLength: 2000 },
  severity: { type: 'enum', label: NO_LABEL, required: true, values: Object.keys(CORRECTION_SEVERITIES) },
  dueDate: { type: 'datetime', label: NO_LABEL, required: false },
};

const checkCorrectionItems = (value: unknown) => checkList(value, CORRECTION_ITEM_SPECS, MAX_CORRECTION_ITEMS, '{owner, action, severity, dueDate?}');

const PERSON_ID = /^P\d{1,3}$/;
const MAX_TEAM = 20;
const MAX_PERSON_ITEMS = 30;
const MAX_VOTES = 200;
const PERSON_FINDING_SPECS: Record<string, FieldSpec> = {
  personId: { type: 'person', label: NO_LABEL, required: true },
  responsibilityLevel: { type: 'enum', label: NO_LABEL, required: true, values: Object.keys(RESPONSIBILITY_LEVELS) },
  forms: { type: 'accountabilityForms', label: NO_LABEL, required: true },
  leniency: { type: 'enum', label: NO_LABEL, required: true, values: Object.keys(LENIENCY_LEVELS) },
  grounds: { type: 'enumList', label: NO_LABEL, required: false, values: Object.keys(LENIENCY_GROUNDS) },
};
const VOTE_SPECS: Record<string, FieldSpec> = {
  memberId: { type: 'uuid', label: NO_LABEL, required: true },
  vote: { type: 'enum', label: NO_LABEL, required: true, values: Object.keys(VOTE_CHOICES) },
  opinion: { type: 'text', label: NO_LABEL, required: false, maxLength: 2000 },
};

/** A list of objects, each with exactly the fields of `specs`: the first problem, named by index and field. */
function checkList(value: unknown, specs: Record<string, FieldSpec>, max: number, shape: string): string | undefined {
  if (!Array.isArray(value)) return `must be a list of ${shape}`;
  if (value.length > max) return `must have at most ${max} items`;
  for (const [i, item] of value.entries()) {
    if (!isPlainObject(item)) return `[${i}] must be an object ${shape}`;
    const unknown = Object.keys(item).filter((k) => !(k in specs));
    if (unknown.length) return `[${i}] has unknown fields: ${unknown.join(', ')}`;
    for (const [field, spec] of Object.entries(specs)) {
      const problem = checkField(spec, item[field]);
      if (problem) return `[${i}].${field} ${problem}`;
    }
  }
  return undefined;
}

function checkForms(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'must be a list of {form, subtype?}';
  if (value.length > MAX_FORMS) return `must have at most ${MAX_FORMS} entries`;
  const seen = new Set<string>();
  for (const [i, item] of value.entries()) {
    if (!isPlainObject(item)) return `[${i}] must be an object {form, subtype?}`;
    const unknown = Object.keys(item).filter((k) => k !== 'form' && k !== 'subtype');
    if (unknown.length) return `[${i}] has unknown fields: ${unknown.join(', ')}`;
    const form = item['form'];
    if (typeof form !== 'string' || !Object.prototype.hasOwnProperty.call(ACCOUNTABILITY_FORMS, form)) {
      return `[${i}].form must be one of ${Object.keys(ACCOUNTABILITY_FORMS).join(', ')}`;
    }
    const subtypes = ACCOUNTABILITY_FORM_SUBTYPES[form as keyof typeof ACCOUNTABILITY_FORMS];
    const subtype = item['subtype'];
    if (subtypes) {
      if (typeof subtype !== 'string' || !Object.prototype.hasOwnProperty.call(subtypes, subtype)) {
        return `[${i}].subtype must be one of ${Object.keys(subtypes).join(', ')} for ${form}`;
      }
    } else if (subtype !== undefined) {
      return `[${i}].subtype is not used with ${form}`;
    }
    const key = `${form}/${subtype ?? ''}`;
    if (seen.has(key)) return `[${i}] repeats ${key}`;
    seen.add(key);
  }
  return undefined;
}

/** Problems with an action's payload, each naming its field; empty when the payload is well formed. */
export function validateActionPayload(action: ActionName, payload: unknown): FieldProblem[] {
  const spec = ACTION_SPECS[action];
  return validatePayloadFields({ ...spec.fields, ...spec.conditionalFields }, payload);
}

/** Problems with a payload against its field specs (unknown fields included). */
export function validatePayloadFields(fields: Record<string, FieldSpec>, payload: unknown): FieldProblem[] {
  if (!isPlainObject(payload)) return [{ field: 'body', message: 'must be a JSON object' }];
  const problems: FieldProblem[] = Object.keys(payload)
    .filter((k) => !Object.prototype.hasOwnProperty.call(fields, k))
    .map((field) => ({ field, message: 'is not a field of this action' }));
  for (const [field, spec] of Object.entries(fields)) {
    const message = checkField(spec, payload[field]);
    if (message) problems.push({ field, message });
  }
  return problems;
}
