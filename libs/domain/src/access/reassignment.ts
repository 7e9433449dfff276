import { MAX_REASSIGNMENT_CASES, type ReassignmentCaseResult, type Role } from '@dandang/contracts';
import { forbidden, invalidInput, type FieldProblem } from '../errors';
import type { ActiveAccount } from './eligibility';

/**
 * 批量改派 is a supervisor's decision, made on cases they can see. Not an administrator's: under 三员分立 an
 * administrator reads no case, and choosing who handles one is a decision about its handling, which would make them
 * a handler; they deactivate the account, and a supervisor of the unit moves the cases (the officer's open cases stay
 * in that supervisor's task list meanwhile, as unassigned work does).
 */
export function assertMayReassignInBulk(actor: { roles: readonly Role[] }): void {
  if (!actor.roles.includes('SUPERVISOR')) {
    const why = actor.roles.includes('ADMIN')
      ? '系统管理员不办理、不改派案件，请由审批领导改派 (an administrator handles no case: a supervisor reassigns them)'
      : '只有审批领导可以批量改派 (only a supervisor may reassign cases in bulk)';
    throw forbidden('ROLE', why);
  }
}

export interface ReassignmentRequest {
  fromUserId: string;
  toUserId: string;
  /** Some of the officer's open cases; all of them when absent. */
  caseIds?: readonly string[];
}

/**
 * The cases a run takes, in the order of `open` (the officer's open cases in the supervisor's sight): all of them, or
 * those chosen, each of which must be one of them. A run takes at least one case and at most MAX_REASSIGNMENT_CASES.
 */
export function chooseReassignedCases(open: readonly { id: string }[], request: ReassignmentRequest): string[] {
  const problems: FieldProblem[] = [];
  if (request.fromUserId === request.toUserId) problems.push({ field: 'toUserId', message: 'must be another officer than fromUserId' });
  const openIds = open.map((c) => c.id);
  let chosen = openIds;
  if (request.caseIds) {
    const wanted = new Set(request.caseIds);
    if (wanted.size !== request.caseIds.length) problems.push({ field: 'caseIds', message: 'must not name a case twice' });
    request.caseIds.forEach((id, i) => {
      if (!openIds.includes(id)) problems.push({ field: `caseIds.${i}`, message: "is not an open case of that officer that you can see" });
    });
    chosen = openIds.filter((id) => wanted.has(id));
  }
  if (problems.length === 0 && chosen.length === 0) problems.push({ field: request.caseIds ? 'caseIds' : 'fromUserId', message: 'names no open case you can see' });
  if (chosen.length > MAX_REASSIGNMENT_CASES) {
    problems.push({ field: 'caseIds', message: `must name at most ${MAX_REASSIGNMENT_CASES} cases: hand the rest over in another run` });
  }
  if (problems.length) throw invalidInput(problems);
  return chosen;
}

/**
 * Whether the new officer may be given a case of `caseOrgPath` (the rule of `assertEligibleAssignee`, as a test):
 * an active case officer who sees the case. The run checks it per case, as the account may change while it runs.
 */
export function isEligibleAssignee(account: ActiveAccount | undefined, caseOrgPath: string): boolean {
  return account !== undefined && account.roles.includes('CASE_OFFICER') && caseOrgPath.startsWith(account.orgPath);
}

/** The new officer, before a run starts: an active case officer of the supervisor's subtree. */
export function assertReassignmentTarget(account: ActiveAccount | undefined, supervisorOrgPath: string): void {
  if (!account || !account.roles.includes('CASE_OFFICER') || !account.orgPath.startsWith(supervisorOrgPath)) {
    throw invalidInput([{ field: 'toUserId', message: 'must be an active case officer of your org unit or below' }]);
  }
}

/** How far a run got. */
export function reassignmentTally(results: readonly Pick<ReassignmentCaseResult, 'outcome'>[]) {
  const count = (outcome: ReassignmentCaseResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const applied = count('APPLIED');
  const refused = count('REFUSED');
  const failed = count('FAILED');
  return { total: results.length, finished: applied + refused + failed, applied, refused, failed };
}

/**
 * Why a case of a run is not sent to its workflow, as the run finds it (undefined: send it): the case changed hands
 * since the run was asked for (another supervisor's choice stands), or the new officer may not be given it now. A
 * case already with the new officer goes on, so a retried step gets its first answer from the workflow.
 */
export function reassignmentRefusal(
  record: { assigneeId: string | null | undefined; orgPath: string },
  request: Pick<ReassignmentRequest, 'fromUserId' | 'toUserId'>,
  newOfficer: ActiveAccount | undefined,
): { reason: string; message: string } | undefined {
  if (record.assigneeId !== request.fromUserId && record.assigneeId !== request.toUserId) {
    return { reason: 'ASSIGNEE_CHANGED', message: '案件已不由原承办人办理 (the case is no longer with the officer leaving)' };
  }
  if (!isEligibleAssignee(newOfficer, record.orgPath)) {
    return { reason: 'NOT_ELIGIBLE', message: '新承办人须为能看到本案的在职承办人员 (the new officer must be an active case officer who can see the case)' };
  }
  return undefined;
}
