import type { AccountabilityFormChoice } from '@dandang/contracts';
import { ACCOUNTABILITY_FORMS, ACCOUNTABILITY_FORM_SUBTYPES, ORGANIZATIONAL_MEASURES } from '@dandang/contracts';
import { invalidInput } from '../errors';

/**
 * Every accountability form, with its subtype where it needs one, from lightest to heaviest: one ordinal
 * scale (a rank, not a distance). The ordering:
 * - Categories follow 问责条例 art. 8, which lists the forms from light to heavy: 通报 < 诫勉 <
 *   组织调整或者组织处理 < 纪律处分. Every organisational measure is lighter than every party sanction.
 * - Within a category, subtypes keep their listed order (组织处理: 停职检查 < 调整职务 < 责令辞职 < 免职 < 降职,
 *   matching their impact periods; 纪律处分条例: 警告 < … < 开除党籍).
 * - Forms for an organisation sit beside their nearest counterpart for a cadre: 检查 first; the organisation's
 *   通报 just below the cadre's 通报 (which adds serious criticism and a written self-examination); 改组, which
 *   dissolves a leading body for serious breaches, above all organisational measures and below party sanctions.
 * - 政务处分 sits among the party sanctions by its impact period (政务处分法 art. 8 against 纪律处分条例): its 警告 (6
 *   months) below the party 警告 (12), 记过 (12) above it, 记大过 (18) above 严重警告 (18), 降级 (24) below and 撤职
 *   above 撤销党内职务 (24), 开除 just below 开除党籍. A judgement where the rules give no common scale.
 */
export const SEVERITY_SCALE: readonly AccountabilityFormChoice[] = [
  { form: 'INSPECTION' },
  { form: 'CIRCULATED_NOTICE' },
  { form: 'CIRCULATED_CRITICISM' },
  { form: 'ADMONISHMENT' },
  ...Object.keys(ORGANIZATIONAL_MEASURES).map((subtype) => ({ form: 'ORGANIZATIONAL_MEASURE' as const, subtype })),
  { form: 'REORGANIZATION' },
  gov('WARNING'),
  party('WARNING'),
  gov('DEMERIT'),
  party('SERIOUS_WARNING'),
  gov('MAJOR_DEMERIT'),
  gov('GRADE_DEMOTION'),
  party('REMOVAL_FROM_PARTY_POST'),
  gov('DISMISSAL_FROM_POST'),
  party('PROBATION_1Y'),
  party('PROBATION_2Y'),
  gov('EXPULSION'),
  party('EXPULSION'),
];

function party(subtype: string): AccountabilityFormChoice {
  return { form: 'DISCIPLINARY_SANCTION', subtype };
}
function gov(subtype: string): AccountabilityFormChoice {
  return { form: 'GOVERNMENT_SANCTION', subtype };
}

/** The rank of a form on SEVERITY_SCALE, from 1 (lightest). Refuses a missing, unknown or superfluous subtype. */
export function severityOf(choice: AccountabilityFormChoice): number {
  const subtypes = ACCOUNTABILITY_FORM_SUBTYPES[choice.form];
  if (!Object.prototype.hasOwnProperty.call(ACCOUNTABILITY_FORMS, choice.form)) {
    throw invalidInput([{ field: 'form', message: `${String(choice.form)} is not an accountability form` }]);
  }
  if (subtypes && choice.subtype === undefined) {
    throw invalidInput([{ field: 'subtype', message: `is required for ${choice.form}` }]);
  }
  if (!subtypes && choice.subtype !== undefined) {
    throw invalidInput([{ field: 'subtype', message: `is not used with ${choice.form}` }]);
  }
  const index = SEVERITY_SCALE.findIndex((c) => c.form === choice.form && c.subtype === choice.subtype);
  if (index < 0) {
    throw invalidInput([{ field: 'subtype', message: `${String(choice.subtype)} is not a subtype of ${choice.form}` }]);
  }
  return index + 1;
}

/**
 * Whether the approved forms are strictly lighter than the proposed ones, as a MITIGATION requires.
 * Compared by their heaviest form first, since that is what the official chiefly bears:
 * - a lighter heaviest form is lighter, whatever lighter forms come with it;
 * - with the same heaviest form, the other approved forms must each be matched, heaviest with heaviest,
 *   by a proposed form at least as heavy, with at least one strictly lighter or left out. Adding forms is
 *   never lighter.
 * No forms at all is lighter than any forms; nothing is lighter than no forms.
 */
export function isLighter(
  approvedForms: readonly AccountabilityFormChoice[],
  proposedForms: readonly AccountabilityFormChoice[],
): boolean {
  const approved = approvedForms.map(severityOf).sort(heaviestFirst);
  const proposed = proposedForms.map(severityOf).sort(heaviestFirst);
  if (proposed.length === 0) return false;
  if (approved.length === 0) return true;
  if (approved[0] !== proposed[0]) return approved[0] < proposed[0];
  if (approved.length > proposed.length) return false;
  if (approved.some((rank, i) => rank > proposed[i])) return false;
  return approved.length < proposed.length || approved.some((rank, i) => rank < proposed[i]);
}

const heaviestFirst = (a: number, b: number): number => b - a;
