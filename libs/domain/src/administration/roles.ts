import { ROLES, type Role } from '@dandang/contracts';
import type { FieldProblem } from '../errors';

/** The roles that handle cases (intake, case officer, trial officer, supervisor): they read and write what a clue says. */
export const CASE_HANDLING_ROLES: readonly Role[] = ['INTAKE_OFFICER', 'CASE_OFFICER', 'TRIAL_OFFICER', 'SUPERVISOR'];

const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/**
 * What is wrong with `roles` as the roles of one account (empty when they will do). Separation of duties (三员分立):
 * the administrator (系统管理员) holds no other role, since who manages accounts must not also handle or audit cases;
 * an auditor (审计人员) handles no case, since they check the procedure the handlers followed; the official
 * concerned's account (被问责干部本人) is theirs alone and holds no staff role.
 */
export function roleCombinationProblems(roles: unknown, field = 'roles'): FieldProblem[] {
  if (!Array.isArray(roles) || roles.length === 0) return [{ field, message: 'must name at least one role' }];
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) return [{ field, message: `unknown role(s): ${unknown.map(String).join(', ')}; known: ${ROLES.join(', ')}` }];
  const held = new Set(roles as Role[]);
  if (held.size !== roles.length) return [{ field, message: 'names a role twice' }];
  const problems: string[] = [];
  if (held.has('ADMIN') && held.size > 1) problems.push('ADMIN (系统管理员) holds no other role (三员分立: separation of duties)');
  const handling = CASE_HANDLING_ROLES.filter((r) => held.has(r));
  if (held.has('AUDITOR') && handling.length) problems.push(`AUDITOR (审计人员) may not also handle cases (${handling.join(', ')})`);
  if (held.has('SUBJECT') && held.size > 1) problems.push('SUBJECT (被问责干部本人) is an account of the official concerned and holds no other role');
  return problems.map((message) => ({ field, message }));
}

/** What an administrator changes on an account. */
export type AccountChange = 'roles' | 'unit' | 'deactivate' | 'resetPassword';

/**
 * An administrator never deactivates, re-roles or resets their own account from the administration area: a slip
 * there could leave nobody able to administer, and their own password they change as every user does.
 */
export function ownAccountProblems(actorId: string, targetId: string, change: AccountChange, field = 'id'): FieldProblem[] {
  if (actorId !== targetId || change === 'unit') return [];
  const what = { roles: 'change your own roles', deactivate: 'deactivate your own account', resetPassword: 'reset your own password (change it instead)' }[change];
  return [{ field, message: `you cannot ${what}; another administrator can` }];
}
