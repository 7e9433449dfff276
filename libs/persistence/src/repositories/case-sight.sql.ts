import type { CaseListScope } from '@dandang/domain';

/** LIKE patterns must match the user's text literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Adds a value to a statement's parameters and answers its placeholder ($n, or :name for TypeORM's builder). */
export type SqlParam = (value: unknown) => string;

/** The cases row `c` is one that `userId` is recused from (declared conflict, reporter, or about them). */
export function recusedSql(c: string, userId: string, param: SqlParam): string {
  return `(${c}.recused_user_ids @> ARRAY[CAST(${param(userId)} AS text)] OR ${c}.subject_user_id = CAST(${param(userId)} AS uuid))`;
}

/**
 * The domain's `caseListScope` (`maySeeCase` for lists) as a condition on the cases row `c`: the one expression
 * every read of several cases filters with (lists, search, notifications), so none drifts from the rule.
 */
export function caseScopeSql(scope: CaseListScope, c: string, param: SqlParam): string {
  const conditions = [`${c}.org_path LIKE ${param(`${escapeLike(scope.orgPath)}%`)}`];
  if (scope.subjectUserId) {
    // The index is partial: the query repeats its predicate so that the planner may use it.
    conditions.push(`cardinality(${c}.concerned_user_ids) > 0 AND ${c}.concerned_user_ids @> ARRAY[CAST(${param(scope.subjectUserId)} AS text)] AND ${c}.subject_told`);
  }
  // NOT (a OR b) with a NULL subject_user_id would be NULL: each half is negated on its own.
  if (scope.notRecused) {
    conditions.push(
      `NOT (${c}.recused_user_ids @> ARRAY[CAST(${param(scope.notRecused)} AS text)])`,
      `${c}.subject_user_id IS DISTINCT FROM CAST(${param(scope.notRecused)} AS uuid)`,
    );
  }
  return conditions.join(' AND ');
}

/** A SqlParam numbering PostgreSQL placeholders after `params`' current length, pushing each value onto it. */
export const positional = (params: unknown[]): SqlParam => (value) => `$${params.push(value)}`;
