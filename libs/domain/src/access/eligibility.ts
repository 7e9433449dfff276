import type { ActionName, ActionPayloads, Role } from '@dandang/contracts';
import { invalidInput } from '../errors';

/** A user's active account as the API loads it, with the path of their unit; undefined when there is none. */
export interface ActiveAccount {
  roles: readonly Role[];
  /** Materialized path of the user's unit: they see the cases whose unit path starts with it. */
  orgPath: string;
}

/** The payload field naming the user an action gives the case to (accepting for another officer, reassigning). */
export const ASSIGNEE_FIELDS: { readonly [A in ActionName]?: keyof ActionPayloads[A] & string } = {
  acceptClue: 'assigneeId',
  reassign: 'toUserId',
};

/** Only an active case officer who can see the case (their unit's subtree holds it) may be given it. */
export function assertEligibleAssignee(account: ActiveAccount | undefined, caseOrgPath: string, field: string): void {
  if (!account || !account.roles.includes('CASE_OFFICER') || !caseOrgPath.startsWith(account.orgPath)) {
    throw invalidInput([{ field, message: 'must be an active case officer who can see this case' }]);
  }
}

/** Only an active account of an official concerned (role SUBJECT) can be linked as a case's subject. */
export function assertLinkableSubjectAccount(account: Pick<ActiveAccount, 'roles'> | undefined): void {
  if (!account || !account.roles.includes('SUBJECT')) {
    throw invalidInput([{ field: 'userId', message: 'must be an active account of an official concerned (role SUBJECT)' }]);
  }
}
