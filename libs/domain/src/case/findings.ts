import {
  ACCOUNTABILITY_FORMS,
  ORGANISATION_FORMS,
  type AccountabilityFormChoice,
  type ActionPayloads,
  type CaseState,
  type LeniencyLevel,
  type PersonFinding,
} from '@dandang/contracts';
import { invalidInput, type FieldProblem } from '../errors';
import { groundsProblem } from './leniency-grounds';
import { FIRST_PERSON, personsOf } from './persons';

/** Names a finding's field in a refusal: `forms` for the single fields of a report, `findings[1].forms` in a list. */
export type FindingField = (index: number, field: keyof PersonFinding) => string;
export const singleField: FindingField = (_i, field) => field;
export const listField =
  (list: string): FindingField =>
  (i, field) =>
    `${list}[${i}].${field}`;

/**
 * What a report proposes for each person concerned: its `findings`, or its single fields as the finding of the one
 * person (always so in a case without a procedure). Refuses a report that gives neither, or both.
 */
export function reportFindings(state: CaseState, p: ActionPayloads['submitInvestigationReport']): { findings: PersonFinding[]; field: FindingField } {
  const single = p.responsibilityLevel !== undefined || p.forms !== undefined || p.leniency !== undefined || p.grounds !== undefined;
  if (p.findings) {
    if (!state.procedure) throw invalidInput([{ field: 'findings', message: 'are given in a case with a procedure; this case takes the single fields' }]);
    if (single) throw invalidInput([{ field: 'findings', message: 'are given instead of responsibilityLevel, forms, leniency and grounds, not beside them' }]);
    return { findings: p.findings, field: listField('findings') };
  }
  if (state.procedure && personsOf(state).length > 1) {
    throw invalidInput([{ field: 'findings', message: 'are required: the case concerns several persons, each with their own findings' }]);
  }
  const missing = (['responsibilityLevel', 'forms', 'leniency'] as const).filter((f) => p[f] === undefined);
  if (missing.length) throw invalidInput(missing.map((field) => ({ field, message: 'is required' })));
  const { responsibilityLevel, forms, leniency, grounds } = p as Required<Pick<typeof p, 'responsibilityLevel' | 'forms' | 'leniency'>> & typeof p;
  const personId = personsOf(state)[0]?.personId ?? FIRST_PERSON;
  return { findings: [{ personId, responsibilityLevel, forms, leniency, ...(grounds?.length ? { grounds } : {}) }], field: singleField };
}

/**
 * Refuses findings that do not fit the case: one for each person concerned, forms that fit who they are (an
 * organisation is checked, circulated or reorganised; only a public official receives 政务处分), and forms exactly
 * when responsibility is not exempted (免予问责).
 */
export function checkFindings(state: CaseState, findings: readonly PersonFinding[], field: FindingField): void {
  const persons = personsOf(state);
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  findings.forEach((f, i) => {
    const person = persons.find((p) => p.personId === f.personId);
    if (!person) problems.push({ field: field(i, 'personId'), message: 'is not a person concerned by this case' });
    else if (seen.has(f.personId)) problems.push({ field: field(i, 'personId'), message: 'has a finding already' });
    seen.add(f.personId);
    const exempt = f.leniency === 'EXEMPTED';
    if (exempt && f.forms.length > 0) problems.push({ field: field(i, 'forms'), message: 'must be empty when the leniency is EXEMPTED' });
    if (!exempt && f.forms.length === 0) problems.push({ field: field(i, 'forms'), message: 'must name at least one accountability form' });
    if (!person) return;
    const misfit = f.forms.filter((form) => ORGANISATION_FORMS.includes(form.form) !== (person.kind === 'ORGANISATION'));
    if (misfit.length) {
      const whose = person.kind === 'ORGANISATION' ? 'an organisation (检查, 通报, 改组)' : 'an individual';
      problems.push({ field: field(i, 'forms'), message: `${misfit.map((m) => ACCOUNTABILITY_FORMS[m.form].zh).join('、')} cannot be imposed on ${whose}` });
    }
    if (person.publicOfficial === false && f.forms.some((form) => form.form === 'GOVERNMENT_SANCTION')) {
      problems.push({ field: field(i, 'forms'), message: '政务处分 is for public officials (公职人员) only' });
    }
  });
  const missing = persons.filter((p) => !seen.has(p.personId));
  if (missing.length && field !== singleField) {
    problems.push({ field: field(findings.length, 'personId').replace(/\[\d+\]\.personId$/, ''), message: `lack a finding for ${missing.map((p) => `${p.personId} ${p.name}`).join(', ')}` });
  }
  if (problems.length) throw invalidInput(problems);
}

/** The article of 问责条例 2019 whose grounds a leniency needs (arts. 17–19); NORMAL needs none. */
const GROUNDS_ARTICLE: Record<Exclude<LeniencyLevel, 'NORMAL'>, number> = { EXEMPTED: 17, LIGHTER: 18, REDUCED: 18, HEAVIER: 19, AGGRAVATED: 19 };

/** Each leniency with the grounds of its article, and NORMAL with none (问责条例 arts. 17–19). */
export function checkFindingGrounds(findings: readonly PersonFinding[], field: FindingField): void {
  findings.forEach((f, i) => {
    if (f.leniency === 'NORMAL') {
      if (f.grounds?.length) throw invalidInput([{ field: field(i, 'grounds'), message: 'are given only with a leniency other than NORMAL' }]);
      return;
    }
    groundsProblem(f.grounds, [GROUNDS_ARTICLE[f.leniency]], f.leniency, field(i, 'grounds'));
  });
}

/** The forms of a finding as the legacy single decision keeps them. */
export const formsOf = (findings: readonly PersonFinding[], personId: string): AccountabilityFormChoice[] =>
  findings.find((f) => f.personId === personId)?.forms ?? [];
