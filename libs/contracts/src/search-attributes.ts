import { defineSearchAttributeKey, SearchAttributeType } from "@temporalio/common";

/** Temporal search attributes for operators (lists and dashboards read PostgreSQL, not these). */
export const SEARCH_ATTRIBUTES = [
  { name: 'CaseStage', type: 'Keyword' },
  { name: 'CaseNumber', type: 'Keyword' },
  { name: 'CaseOrgUnit', type: 'Keyword' },
] as const satisfies readonly { name: string; type: 'Keyword' | 'Text' | 'Int' | 'Datetime' | 'Bool' | 'Double' | 'KeywordList' }[];

export const CaseStageKey = defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD);
export const CaseNumberKey = defineSearchAttributeKey('CaseNumber', SearchAttributeType.KEYWORD);
export const CaseOrgUnitKey = defineSearchAttributeKey('CaseOrgUnit', SearchAttributeType.KEYWORD);
