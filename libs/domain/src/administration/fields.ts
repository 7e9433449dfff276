import type { FieldProblem } from '../errors';

/** Sign-in names and unit codes: what an organisation department's roster and a keyboard both hold. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function textProblems(value: unknown, field: string, max: number): FieldProblem[] {
  if (typeof value !== 'string' || value.trim() === '') return [{ field, message: 'is required' }];
  if ([...value].length > max) return [{ field, message: `must have at most ${max} characters` }];
  return [];
}

function codeProblems(value: unknown, field: string, min: number, max: number): FieldProblem[] {
  if (typeof value !== 'string' || value === '') return [{ field, message: 'is required' }];
  if (value.length < min || value.length > max) return [{ field, message: `must have ${min} to ${max} characters` }];
  if (!CODE.test(value)) return [{ field, message: 'may hold only letters, digits, ".", "_" and "-", starting with a letter or digit' }];
  return [];
}

export const usernameProblems = (value: unknown, field = 'username'): FieldProblem[] => codeProblems(value, field, 2, 64);
export const displayNameProblems = (value: unknown, field = 'displayName'): FieldProblem[] => textProblems(value, field, 100);
export const unitCodeProblems = (value: unknown, field = 'code'): FieldProblem[] => codeProblems(value, field, 1, 50);
export const unitNameProblems = (value: unknown, field = 'name'): FieldProblem[] => textProblems(value, field, 200);

/** 行政区划代码: six digits, as the national administrative division codes are. Optional. */
export function regionCodeProblems(value: unknown, field = 'regionCode'): FieldProblem[] {
  if (value === undefined || value === null || value === '') return [];
  return typeof value === 'string' && /^\d{6}$/.test(value) ? [] : [{ field, message: 'must be a six-digit administrative division code (行政区划代码)' }];
}

/** An administrator's change to a unit or an account is recorded with why (安全审计). */
export const reasonProblems = (value: unknown, field = 'reason'): FieldProblem[] => textProblems(value, field, 500);
