import { ROLES, type CaseState, type ClosureKind, type Role, type Stage } from '@dandang/contracts';
import { invalidInput } from '../errors';
import { readsAsAuditor } from './audit-view';

/** Who asks to see a case: their id, roles and the path of their org unit (`/<root>/.../<unit>/`). */
export interface Viewer {
  id: string;
  roles: readonly Role[];
  orgPath: string;
}

/** What the rule reads of a case: as the read model's row holds it, so that a list applies it in SQL too. */
export interface CaseInSight {
  orgPath: string;
  subjectUserId: string | null;
  /** The accounts of the persons concerned (the registered subject's among them): `concernedUserIds`. */
  concernedUserIds: readonly string[];
  /** Users recused from the case: the official concerned, a reporting user, those who declared a conflict. */
  recusedUserIds: readonly string[];
  /** Whether the official concerned has been formally told of the case (`subjectWasTold`). */
  subjectTold: boolean;
}

/** Every role but SUBJECT: the official concerned sees nothing internal (the directory, the dashboard). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'SUBJECT');

/**
 * The roles whose work is the cases (三员分立): an administrator manages users, units, policies and calendars and reads
 * no case; auditors read what the audit needs. A staff member holding none of these sees no case.
 */
export const CASE_READER_ROLES: readonly Role[] = ['INTAKE_OFFICER', 'CASE_OFFICER', 'TRIAL_OFFICER', 'SUPERVISOR', 'AUDITOR'];

const readsCases = (viewer: { roles: readonly Role[] }): boolean => viewer.roles.some((r) => CASE_READER_ROLES.includes(r));

/** A user who is only ever the official concerned (role SUBJECT): they see their own cases and nothing internal. */
export const isOfficialConcerned = (viewer: { roles: readonly Role[] }): boolean =>
  viewer.roles.length > 0 && viewer.roles.every((r) => r === 'SUBJECT');

/**
 * Stages at which the official concerned has been told of the case (立案告知 / 问责启动告知): from the filing of the
 * case for investigation on. Before that a clue is being weighed and verified, and telling them would tip them off.
 */
export const SUBJECT_TOLD_STAGES: readonly Stage[] = ['INVESTIGATION', 'TRIAL', 'DELIBERATION', 'DECIDED', 'SERVED'];

/**
 * Ends of a case that came after the filing: an exemption during investigation, the investigation's end without a
 * decision (撤销案件 / 不予问责), or the decision become final or corrected on appeal.
 */
export const SUBJECT_TOLD_CLOSURES: readonly ClosureKind[] = ['EXEMPTED', 'CASE_WITHDRAWN', 'NOT_HELD_ACCOUNTABLE', 'DECISION_FINAL', 'DECISION_CORRECTED'];

export function subjectWasTold(state: Pick<CaseState, 'stage' | 'closure'>): boolean {
  if (SUBJECT_TOLD_STAGES.includes(state.stage)) return true;
  return state.stage === 'CLOSED' && state.closure !== undefined && SUBJECT_TOLD_CLOSURES.includes(state.closure.kind);
}

/**
 * Whether `viewer` may see the case at all; where not, the case does not exist for them (404, absent from lists).
 * Staff see the cases of their unit's subtree, unless recused from one; the official concerned sees the cases about
 * them once told of them.
 */
export function maySeeCase(viewer: Viewer, c: CaseInSight): boolean {
  if (isOfficialConcerned(viewer)) return c.concernedUserIds.includes(viewer.id) && c.subjectTold;
  if (!readsCases(viewer)) return false;
  if (c.subjectUserId === viewer.id || c.recusedUserIds.includes(viewer.id)) return false;
  return c.orgPath.startsWith(viewer.orgPath);
}

/** `maySeeCase` as the filter of a case list, which the read model applies in SQL over the same columns. */
export interface CaseListScope {
  /** Cases under this org path. */
  orgPath: string;
  /** Only the cases concerning this official (they are one of its persons), and only those they were told of. */
  subjectUserId?: string;
  /** Not the cases this user is recused from (nor those about them). */
  notRecused?: string;
}

/** Undefined where the viewer sees no case at all (an administrator): their lists are empty without asking. */
export function caseListScope(viewer: Viewer): CaseListScope | undefined {
  if (isOfficialConcerned(viewer)) return { orgPath: '/', subjectUserId: viewer.id };
  return readsCases(viewer) ? { orgPath: viewer.orgPath, notRecused: viewer.id } : undefined;
}

/**
 * The official concerned and auditors list cases without a text search: the searched text holds the clue's title,
 * summary and official, which their views leave out, so a search would tell them what it says (a yes/no oracle).
 */
export function assertMaySearch(viewer: Viewer, text: string | undefined): void {
  if (text && isOfficialConcerned(viewer)) {
    throw invalidInput([{ field: 'q', message: 'the official concerned lists their own cases without a text search' }]);
  }
  if (text && readsAsAuditor(viewer)) {
    throw invalidInput([{ field: 'q', message: "an auditor lists cases without a text search, which would read their content; open one by its number" }]);
  }
}

/**
 * Nor may a list be filtered on what the viewer's rows leave out (the answer would tell it): the official concerned
 * sees neither channel nor assignee, an auditor no channel.
 */
export function assertMayFilter(viewer: Viewer, filters: { channel?: string; assignee?: string }): void {
  const hidden = isOfficialConcerned(viewer) ? (['channel', 'assignee'] as const) : readsAsAuditor(viewer) ? (['channel'] as const) : [];
  const refused = hidden.filter((field) => filters[field] !== undefined);
  if (refused.length > 0) throw invalidInput(refused.map((field) => ({ field, message: 'is not a filter of your case list: your view does not show it' })));
}
