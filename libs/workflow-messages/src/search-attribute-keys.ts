import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Typed keys of the search attributes that SEARCH_ATTRIBUTES (in @dandang/contracts) registers. */
export const CaseStageKey = defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD);
export const CaseNumberKey = defineSearchAttributeKey('CaseNumber', SearchAttributeType.KEYWORD);
export const CaseOrgUnitKey = defineSearchAttributeKey('CaseOrgUnit', SearchAttributeType.KEYWORD);
