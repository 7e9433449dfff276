import type { DataSource } from 'typeorm';

/** A SELECT as sent, with the SET LOCAL settings its transaction had made before it. */
export interface CapturedStatement {
  query: string;
  parameters: unknown[];
  settings: string[];
}

/**
 * Every SELECT that `run` sends through TypeORM (DataSource.query goes through the logger too), for EXPLAIN, with the
 * SET LOCAL statements in force on its connection: a plan explained without them may not be the plan that ran.
 */
export async function statementsOf(dataSource: DataSource, run: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const logger = dataSource.logger as unknown as { logQuery: (q: string, p?: unknown[], r?: unknown) => unknown };
  const original = logger.logQuery;
  const seen: CapturedStatement[] = [];
  const settings = new Map<unknown, string[]>();
  logger.logQuery = function (this: unknown, q: string, p?: unknown[], r?: unknown) {
    if (/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i.test(q)) settings.set(r, []);
    else if (/^\s*SET LOCAL\b/i.test(q)) settings.set(r, [...(settings.get(r) ?? []), q]);
    else if (/^\s*(SELECT|WITH)\b/i.test(q)) seen.push({ query: q, parameters: p ?? [], settings: settings.get(r) ?? [] });
    return original.call(this, q, p, r);
  };
  try {
    await run();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}

/** EXPLAIN (with `options`, e.g. 'ANALYZE, BUFFERS') of a captured statement, under the settings it ran with. */
export async function explainStatement(dataSource: DataSource, statement: Pick<CapturedStatement, 'query' | 'parameters'> & { settings?: string[] }, options = ''): Promise<string> {
  return dataSource.transaction(async (manager) => {
    for (const setting of statement.settings ?? []) await manager.query(setting);
    const rows: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN ${options ? `(${options}) ` : ''}${statement.query}`, statement.parameters);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}
