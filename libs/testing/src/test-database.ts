import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@dandang/persistence';
import { TEMPLATE_DATABASE, testServices } from './jest/test-services';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated and seeded template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const templateUrl = testServices().postgresTemplateUrl;
  const name = `test_${randomBytes(6).toString('hex')}`;
  const adminUrl = templateUrl.replace(new RegExp(`/${TEMPLATE_DATABASE}$`), '/postgres');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.end();
  }
  return {
    url: templateUrl.replace(new RegExp(`/${TEMPLATE_DATABASE}$`), `/${name}`),
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
 * For one describe block: a fresh database and a data source over it, opened before its tests (and before the
 * block's own `beforeAll`s registered after this call) and dropped after them.
 */
export function useTestDataSource(poolSize: number): { readonly dataSource: DataSource } {
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, { poolSize }).initialize();
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
  };
}
