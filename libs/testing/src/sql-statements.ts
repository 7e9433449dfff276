import type { DataSource } from 'typeorm';

/** Every SELECT that `run` sends through TypeORM (DataSource.query goes through the logger too), for EXPLAIN. */
export async function statementsOf(dataSource: DataSource, run: () => Promise<unknown>): Promise<{ query: string; parameters: unknown[] }[]> {
  const logger = dataSource.logger as unknown as { logQuery: (q: string, p?: unknown[], r?: unknown) => unknown };
  const original = logger.logQuery;
  const seen: { query: string; parameters: unknown[] }[] = [];
  logger.logQuery = function (this: unknown, q: string, p?: unknown[], r?: unknown) {
    if (/^\s*(SELECT|WITH)\b/i.test(q)) seen.push({ query: q, parameters: p ?? [] });
    return original.call(this, q, p, r);
  };
  try {
    await run();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}
