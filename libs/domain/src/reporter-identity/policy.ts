import { ROLES, type CaseState, type ReporterIdentityPolicy, type Role } from '@dandang/contracts';
import type { FieldProblem } from '../errors';
import { isPlainObject } from '../case/payload-validation';

/** Without a policy naming a custodian nobody may approve a reveal: the identity stays sealed (fails closed). */
export const DEFAULT_REPORTER_IDENTITY_POLICY: ReporterIdentityPolicy = {
  custodianUserIds: [],
  custodianRoles: [],
  revealSeconds: 24 * 3600, // [SUGGESTED] one working day to contact the reporter, then ask again
};

/** Longest a reveal may be set to last: a standing permission would defeat the reveal. */
export const MAX_REVEAL_SECONDS = 30 * 24 * 3600;

/** The reporter-identity policy the case pinned, or the default for policies without one. */
export const reporterIdentityPolicyOf = (state: Pick<CaseState, 'policy'>): ReporterIdentityPolicy =>
  state.policy.reporterIdentity ?? DEFAULT_REPORTER_IDENTITY_POLICY;

/** Whether the actor is a custodian (保密责任人) under the policy: named, or holding a custodian role. */
export const isCustodian = (policy: ReporterIdentityPolicy, actor: { userId: string; roles: readonly Role[] }): boolean =>
  policy.custodianUserIds.includes(actor.userId) || actor.roles.some((r) => policy.custodianRoles.includes(r));

export const hasCustodian = (policy: ReporterIdentityPolicy): boolean => policy.custodianUserIds.length > 0 || policy.custodianRoles.length > 0;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Problems with the `reporterIdentity` part of a policy an administrator publishes. */
export function reporterIdentityPolicyProblems(value: unknown): FieldProblem[] {
  const field = (name: string) => `reporterIdentity.${name}`;
  if (!isPlainObject(value)) return [{ field: 'reporterIdentity', message: 'must be {custodianUserIds, custodianRoles, revealSeconds}' }];
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(value)) {
    if (!['custodianUserIds', 'custodianRoles', 'revealSeconds'].includes(key)) problems.push({ field: field(key), message: 'is not a field of this policy' });
  }
  const ids = value['custodianUserIds'];
  if (!Array.isArray(ids) || ids.length > 50 || !ids.every((id) => typeof id === 'string' && UUID.test(id))) {
    problems.push({ field: field('custodianUserIds'), message: 'must be a list of user ids (up to 50)' });
  }
  const roles = value['custodianRoles'];
  // Auditors never see the reporter, administrators read no case, and the official concerned is the one reported.
  const eligible = ROLES.filter((r) => r !== 'AUDITOR' && r !== 'ADMIN' && r !== 'SUBJECT');
  if (!Array.isArray(roles) || !roles.every((r) => (eligible as readonly unknown[]).includes(r))) {
    problems.push({ field: field('custodianRoles'), message: `must be a list of roles among ${eligible.join(', ')}` });
  }
  const seconds = value['revealSeconds'];
  if (!Number.isInteger(seconds) || (seconds as number) < 1 || (seconds as number) > MAX_REVEAL_SECONDS) {
    problems.push({ field: field('revealSeconds'), message: `must be a whole number of seconds from 1 to ${MAX_REVEAL_SECONDS}` });
  }
  return problems;
}
