import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@dandang/embedded-services';
import { createDataSource, migrate, seedDemoData } from '@dandang/persistence';
import { aCaseAt } from '@dandang/testing/factories';
import { runReadModel, type ReadModelResult } from './read-model';

/**
 * `npm run bench -- --only read-model [--cases N]`: phase 3 alone, on a PostgreSQL of its own, to measure the
 * read-model queries without the lifecycles and timers first. No case was driven through the API, so the rows copy
 * the state of a case the domain drove to SERVED (policy included, as a projected state has it).
 */
export async function runReadModelAlone(options: { cases: number; repeats: number; targetMs: number }): Promise<ReadModelResult> {
  // PostgreSQL runs as the postgres user when we are root: the folder must be traversable by it.
  const work = mkdtempSync(join(tmpdir(), 'dandang-bench-read-'));
  chmodSync(work, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir: join(work, 'postgres') });
  try {
    await postgres.createDatabase('bench_read_model');
    const dataSource = await createDataSource(postgres.urlFor('bench_read_model'), { poolSize: 10, applicationName: 'dandang-bench-read' }).initialize();
    try {
      await migrate(dataSource);
      await seedDemoData(dataSource);
      const template = JSON.parse(JSON.stringify(aCaseAt('SERVED').state)) as Record<string, unknown>;
      return await runReadModel(dataSource, { ...options, stateTemplate: template });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await postgres.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
