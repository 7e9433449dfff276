import type { CaseRegistration, CaseState, PinnedPolicy } from './case-state';
import type { Actor } from './roles';

/** Calendar data as pinned into a case: holidays and make-up workdays by year, regional overrides by code. */
export interface PinnedCalendar {
  readonly version: string;
  readonly years: Readonly<Record<number, { readonly holidays: readonly string[]; readonly makeupWorkdays: readonly string[] }>>;
  readonly regions?: Readonly<
    Record<string, { readonly addHolidays: readonly string[]; readonly removeHolidays: readonly string[]; readonly addWorkdays: readonly string[] }>
  >;
}

export const DEFAULT_TASK_QUEUE = 'dandang-cases';

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

/** Input of `caseWorkflow`: one object, so fields can be added without breaking running cases. */
export interface CaseWorkflowInput {
  caseId: string;
  number: string;
  registration: CaseRegistration;
  registeredBy: Actor;
  registeredAt: string;
  policy: PinnedPolicy;
  /** The holiday calendar the case's deadlines are counted on, pinned at registration (replays count the same). */
  calendar?: PinnedCalendar;
  /** Region code of the handling unit, whose calendar overrides apply. */
  calendarRegion?: string;
  /** Users recorded at registration who may never act on the case. */
  recusedUserIds: string[];
  /** Present when the workflow continued as new. */
  carriedState?: CaseState;
}

/** The case workflow's signature; the API starts it by this type, without importing workflow code. */
export type CaseWorkflow = (input: CaseWorkflowInput) => Promise<CaseState>;
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';
