import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { createDataSource, urlAs } from '@dandang/persistence';
import { TEMPLATE_DATABASE, TEST_DATABASE_ROLES, testServices } from './jest/test-services';

export interface TestDatabase {
  /** As the application role, as the API and worker connect. */
  url: string;
  /** As the owner role, which ran the migrations. */
  ownerUrl: string;
  /**
   * Runs one statement as the owner: what only an insider with the owner's rights could do (switch the append-only
   * triggers off, say), for tests that play that insider.
   */
  asOwner<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated and seeded template, owned by the owner role. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const templateUrl = testServices().postgresTemplateUrl;
  const name = `test_${randomBytes(6).toString('hex')}`;
  const adminUrl = templateUrl.replace(new RegExp(`/${TEMPLATE_DATABASE}$`), '/postgres');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}" OWNER "${TEST_DATABASE_ROLES.owner.name}"`);
  } finally {
    await admin.end();
  }
  const ownerUrl = urlAs(templateUrl, TEST_DATABASE_ROLES.owner, name);
  return {
    url: urlAs(templateUrl, TEST_DATABASE_ROLES.app, name),
    ownerUrl,
    async asOwner<T>(sql: string, params: unknown[] = []) {
      const c = new Client({ connectionString: ownerUrl });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows as T[];
      } finally {
        await c.end();
      }
    },
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * For one describe block: a fresh database and a data source over it as the application role (or the owner, which
 * runs migrations), opened before its tests (and before the block's own `beforeAll`s registered after this call) and
 * dropped after them.
 */
export function useTestDataSource(poolSize: number, role: 'app' | 'owner' = 'app'): { readonly dataSource: DataSource; readonly database: TestDatabase } {
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    // The owner role runs migrations: a migration's spec connects as it.
    dataSource = await createDataSource(role === 'owner' ? database.ownerUrl : database.url, { poolSize }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });
  return {
    get dataSource(): DataSource {
      if (!dataSource) throw new Error('the test data source is opened in beforeAll: use it inside hooks and tests');
      return dataSource;
    },
    get database(): TestDatabase {
      if (!database) throw new Error('the test database is created in beforeAll: use it inside hooks and tests');
      return database;
    },
  };
}

/** `step` in a transaction of its own, committed when it succeeds: as the migration runner gives a migration's up() or down(). */
export async function inTransaction(dataSource: DataSource, step: (q: QueryRunner) => Promise<void>): Promise<void> {
  const q = dataSource.createQueryRunner();
  try {
    await q.startTransaction();
    await step(q);
    await q.commitTransaction();
  } finally {
    if (q.isTransactionActive) await q.rollbackTransaction();
    await q.release();
  }
}
