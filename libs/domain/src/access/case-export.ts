import { CASE_EXPORT_COLUMNS, type CaseExportColumn, type Role } from '@dandang/contracts';
import { readsAsAuditor } from './audit-view';
import { isOfficialConcerned } from './case-sight';

const ALL = Object.keys(CASE_EXPORT_COLUMNS) as CaseExportColumn[];

/** What an auditor's list row leaves out (`auditCaseSummary`): what the case is about. */
const NOT_FOR_AUDITORS: readonly CaseExportColumn[] = ['title', 'subjectName', 'subjectPosition', 'channel', 'intakeMethod'];

/** What the official concerned reads of their own cases (`subjectCaseView`): never who handles them nor their clock. */
const FOR_THE_OFFICIAL_CONCERNED: readonly CaseExportColumn[] = ['number', 'title', 'subjectName', 'subjectPosition', 'stage', 'updatedAt'];

/**
 * The columns of a case list export `viewer` gets: the same as their list rows and views show, so an export never
 * tells more than the screen (the rows themselves are the list's, `caseListScope`).
 */
export function caseExportColumns(viewer: { roles: readonly Role[] }): CaseExportColumn[] {
  if (isOfficialConcerned(viewer)) return [...FOR_THE_OFFICIAL_CONCERNED];
  if (readsAsAuditor(viewer)) return ALL.filter((c) => !NOT_FOR_AUDITORS.includes(c));
  return ALL;
}
