/** Temporal search attributes for operators (lists and dashboards read PostgreSQL, not these). */
export const SEARCH_ATTRIBUTES = [
  { name: 'CaseStage', type: 'Keyword' },
  { name: 'CaseNumber', type: 'Keyword' },
  { name: 'CaseOrgUnit', type: 'Keyword' },
] as const satisfies readonly { name: string; type: 'Keyword' | 'Text' | 'Int' | 'Datetime' | 'Bool' | 'Double' | 'KeywordList' }[];
