import type { Stage } from './stages';

/**
 * Case lists count at most this many matches: counting a whole subtree of a million cases costs more than the page
 * itself. Beyond it the total reads "10,000+" (`totalCapped`) and pagination stops at this many rows.
 */
export const CASE_LIST_COUNT_LIMIT = 10_000;

/**
 * A text search counts at most this many: a frequent term matches a tenth of a million cases, and counting them
 * all took the search past its latency target for a figure nobody reads past "1,000+"; narrower words do better.
 */
export const CASE_SEARCH_COUNT_LIMIT = 1_000;

/** How far the total of a list with these filters is counted. */
export function caseCountLimit(filter: { text?: string }): number {
  return filter.text ? CASE_SEARCH_COUNT_LIMIT : CASE_LIST_COUNT_LIMIT;
}

/** The total of a case list (GET /api/cases): exact up to CASE_LIST_COUNT_LIMIT, else that limit and `totalCapped`. */
export interface CaseListTotal {
  total: number;
  /** True when more than `total` cases match (the count stopped at CASE_LIST_COUNT_LIMIT). */
  totalCapped: boolean;
}

/** GET /api/dashboard for an org-unit subtree (without `generatedAt`), from counters kept exact by the database. */
export interface DashboardFigures {
  byStage: { stage: Stage; count: number }[];
  byOrgUnit: { orgUnitId: string; name: string; count: number; overdue: number; yellow: number; red: number }[];
  dueSoon: number;
  overdue: number;
  yellowCards: number;
  redCards: number;
  supervised: number;
  /**
   * Days spent in each stage by visits that ended. `averageDays` is exact. `p90Days` is the 90th-percentile visit
   * (nearest rank) read from a histogram and interpolated within its bucket, so within the bucket's width of the
   * exact value: 1 day below 32 days, 4 days below 128, 16 days below 512, 64 days beyond.
   */
  daysPerStage: { stage: Stage; visits: number; averageDays: number; p90Days: number }[];
  /** Fault-tolerance reviews by outcome (EXEMPTION, MITIGATION, REJECTION), or by status while undetermined. */
  faultToleranceOutcomes: { outcome: string; count: number }[];
}
