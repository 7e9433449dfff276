import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
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
