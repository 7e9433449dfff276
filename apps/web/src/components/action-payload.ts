// From an action form's values to the API's payload, and from the API's field problems back to the form's fields.
import type { Dayjs } from 'dayjs';
import type { CaseDetail, FieldSpec } from '@dandang/contracts';

const iso = (value: unknown) => (value as Dayjs).toISOString();

interface FindingRow {
  personId?: string;
  responsibilityLevel?: string;
  forms?: { form?: string; subtype?: string }[];
  leniency?: string;
  grounds?: string[];
}

/** One person's finding as the API takes it: forms without their empty rows, grounds only when there are some. */
const findingOf = (row: FindingRow) => ({
  personId: row.personId,
  responsibilityLevel: row.responsibilityLevel,
  forms: (row.forms ?? []).filter((f) => f?.form).map((f) => (f.subtype ? { form: f.form, subtype: f.subtype } : { form: f.form })),
  leniency: row.leniency,
  ...(row.grounds?.length ? { grounds: row.grounds } : {}),
});

/**
 * Where a server's field problem goes in the form: `findings[1].forms` to that row's forms, and a list's problem that
 * names its item (`votes` with "[0].vote must be …") to that item's field.
 */
export function problemPath(field: string, message: string): { name: (string | number)[]; message: string } {
  const name = field.split(/[.[\]]+/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const item = /^\[(\d+)\]\.(\w+) (.*)$/s.exec(message);
  return item ? { name: [...name, Number(item[1]), item[2]], message: item[3] } : { name, message };
}

/**
 * The fields shown for the case: a list of findings per person only in a case with a procedure, and there in place of
 * the optional single fields it replaces (responsibilityLevel, forms, leniency, grounds), which it then requires.
 */
export function fieldsFor(fields: Record<string, FieldSpec>, detail: CaseDetail): Record<string, FieldSpec> {
  const lists = Object.entries(fields).filter(([, f]) => f.type === 'personFindings');
  if (lists.length === 0) return fields;
  if (!detail.procedure) return Object.fromEntries(Object.entries(fields).filter(([, f]) => f.type !== 'personFindings'));
  const replaced = Object.entries(fields).filter(([name, f]) => !f.required && FINDING_PARTS.includes(name));
  if (replaced.length === 0) return fields;
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([name]) => !replaced.some(([r]) => r === name))
      .map(([name, f]) => [name, f.type === 'personFindings' ? { ...f, required: true } : f]),
  );
}

const FINDING_PARTS = ['responsibilityLevel', 'forms', 'leniency', 'grounds'];

/** The JSON payload from the form's values: dates as ISO strings, JSON parsed, empty optional fields left out. */
export function toPayload(fields: Record<string, FieldSpec>, values: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const value = values[name];
    if (value === undefined || value === null || value === '') continue;
    const type = spec.type as string;
    if (type === 'datetime') payload[name] = iso(value);
    else if (type === 'accountabilityForms') {
      const rows = (value as { form?: string; subtype?: string }[])
        .filter((row) => row?.form)
        .map((row) => (row.subtype ? { form: row.form, subtype: row.subtype } : { form: row.form }));
      if (rows.length > 0 || spec.required) payload[name] = rows;
    } else if (type === 'correctionItems') {
      payload[name] = (value as { owner?: string; action?: string; severity?: string; dueDate?: unknown }[])
        .filter((row) => row?.action)
        .map((row) => ({
          owner: row.owner?.trim(),
          action: row.action?.trim(),
          severity: row.severity,
          ...(row.dueDate ? { dueDate: iso(row.dueDate) } : {}),
        }));
    } else if (type === 'personFindings') {
      const rows = (value as FindingRow[]).filter((row) => row?.personId).map(findingOf);
      if (rows.length > 0 || spec.required) payload[name] = rows;
    } else if (type === 'collectiveVotes') {
      payload[name] = (value as { memberId?: string; vote?: string; opinion?: string }[])
        .filter((row) => row?.memberId || row?.opinion)
        .map((row) => ({ memberId: row.memberId, vote: row.vote, ...(row.opinion?.trim() ? { opinion: row.opinion.trim() } : {}) }));
    } else if (type === 'enumList') {
      if ((value as unknown[]).length > 0 || spec.required) payload[name] = value;
    } else if (type === 'integer' || type === 'boolean' || type === 'enum') payload[name] = value;
    else if (type === 'text' || type === 'uuid' || type === 'sha256' || type === 'person') payload[name] = typeof value === 'string' ? value.trim() : value;
    else payload[name] = JSON.parse(String(value)); // `object` and any type this build does not know
  }
  return payload;
}
