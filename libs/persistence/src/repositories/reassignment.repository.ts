import { MAX_REASSIGNMENT_CASES, type CaseHolder, type ReassignableCase } from '@dandang/contracts';
import type { CaseListScope } from '@dandang/domain';
import type { DataSource } from 'typeorm';
import { caseScopeSql, positional } from './case-sight.sql';

const CASE_COLUMNS = `c.id, c.number, c.title, c.stage, c.org_unit_id AS "orgUnitId"`;

/** The reads of a bulk reassignment (批量改派): whose open cases are in a supervisor's sight, and which. */
export class ReassignmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Officers holding open cases in sight, active or not (an officer who left is the usual reason to ask). */
  holders(scope: CaseListScope): Promise<CaseHolder[]> {
    const params: unknown[] = [];
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.username, u.active, count(*)::int AS "openCases"
       FROM cases c JOIN users u ON u.id = c.assignee_id
       WHERE ${caseScopeSql(scope, 'c', positional(params))} AND c.stage <> 'CLOSED'
       GROUP BY u.id ORDER BY u.display_name, u.username`,
      params,
    );
  }

  /** An officer's open cases in sight, oldest first, up to one more than a run takes (so a run too large is told). */
  openCasesOf(scope: CaseListScope, assigneeId: string): Promise<ReassignableCase[]> {
    const params: unknown[] = [];
    const sight = caseScopeSql(scope, 'c', positional(params));
    return this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM cases c
       WHERE ${sight} AND c.assignee_id = ${positional(params)(assigneeId)} AND c.stage <> 'CLOSED'
       ORDER BY c.registered_at, c.id LIMIT ${MAX_REASSIGNMENT_CASES + 1}`,
      params,
    );
  }

  /** Those of `ids` in sight now, as a run's result shows them. */
  casesInSight(scope: CaseListScope, ids: readonly string[]): Promise<ReassignableCase[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const params: unknown[] = [];
    const sight = caseScopeSql(scope, 'c', positional(params));
    return this.dataSource.query(`SELECT ${CASE_COLUMNS} FROM cases c WHERE ${sight} AND c.id = ANY(${positional(params)(ids)}::uuid[])`, params);
  }
}
