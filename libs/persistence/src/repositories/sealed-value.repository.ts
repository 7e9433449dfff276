import type { KeyRing } from '@dandang/sealing';
import type { DataSource } from 'typeorm';
import { SEALED_COLUMNS, type SealedColumn } from '../sealed-values';

export interface RewrapProblem {
  table: string;
  id: string;
  problem: string;
}

export interface RewrapReport {
  rewrapped: number;
  /** Values that would not open (a key missing from the ring, or altered): left as they were. */
  problems: RewrapProblem[];
}

const DEFAULT_BATCH = 500;

/** Every sealed value in PostgreSQL (SEALED_COLUMNS), for key rotation (docs/key-management.md). */
export class SealedValueRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly columns: readonly SealedColumn[] = SEALED_COLUMNS,
  ) {}

  /** How many sealed values each master key wraps, by key id. */
  async countByKey(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const c of this.columns) {
      const rows: Array<{ key_id: string; n: number }> = await this.dataSource.query(
        `SELECT split_part(${c.column}, '.', 2) AS key_id, count(*)::int AS n FROM ${c.table} WHERE ${c.column} IS NOT NULL GROUP BY 1`,
      );
      for (const r of rows) counts.set(r.key_id, (counts.get(r.key_id) ?? 0) + r.n);
    }
    return counts;
  }

  /**
   * Rewraps every value not yet under the current key, a batch at a time, each value written only if unchanged
   * since it was read. Stopping half-way loses nothing and running it again carries on; values already under the
   * current key are not touched.
   */
  async rewrapAll(keyRing: KeyRing, options: { batchSize?: number; onBatch?: (done: number) => void } = {}): Promise<RewrapReport> {
    const report: RewrapReport = { rewrapped: 0, problems: [] };
    const current = `dd1.${keyRing.currentKeyId}.%`;
    for (const c of this.columns) {
      for (let after = ''; ; ) {
        const rows: Array<{ id: string; sealed: string }> = await this.dataSource.query(
          `SELECT ${c.idColumn}::text AS id, ${c.column} AS sealed FROM ${c.table}
            WHERE ${c.column} IS NOT NULL AND ${c.column} NOT LIKE $1 AND ${c.idColumn}::text > $2
            ORDER BY ${c.idColumn}::text LIMIT $3`,
          [current, after, options.batchSize ?? DEFAULT_BATCH],
        );
        if (rows.length === 0) break;
        for (const row of rows) {
          let rewrapped: string;
          try {
            rewrapped = keyRing.rewrap(row.sealed, c.context(row.id));
          } catch (e) {
            report.problems.push({ table: c.table, id: row.id, problem: e instanceof Error ? e.message : String(e) });
            continue;
          }
          const [, changed] = await this.dataSource.query(
            `UPDATE ${c.table} SET ${c.column} = $3 WHERE ${c.idColumn}::text = $1 AND ${c.column} = $2`,
            [row.id, row.sealed, rewrapped],
          );
          report.rewrapped += changed;
        }
        after = rows[rows.length - 1].id;
        options.onBatch?.(report.rewrapped);
      }
    }
    return report;
  }
}
