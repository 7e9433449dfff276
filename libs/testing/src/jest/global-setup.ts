import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, startTemporalDevServer } from '@dandang/embedded-services';
import { Client } from 'pg';
import { createDataSource, ensureDatabaseRoles, ensureOwnedDatabase, grantApplicationRole, migrate, seedDemoData, urlAs } from '@dandang/persistence';
import { masterKeysText, newMasterKeys } from '@dandang/sealing';
import { bundleCaseWorkflows } from '@dandang/worker-runtime';
import { TEMPLATE_DATABASE, TEST_DATABASE_ROLES, TEST_ENV } from './test-services';

/**
 * Once per `npm test`: one Temporal dev server, one PostgreSQL with a migrated and seeded template database,
 * and one workflow bundle. Test files clone the template and run their own worker on their own task queue.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[TEST_ENV.unitOnly]) return;
  const root = join(__dirname, '..', '..', '..', '..');
  const work = mkdtempSync(join(tmpdir(), 'dandang-test-'));
  chmodSync(work, 0o755); // PostgreSQL runs as the postgres user when we are root
  const log = (line: string) => process.stderr.write(`[test setup] ${line}\n`);

  const temporalDbFile = join(work, 'temporal.db');
  const [temporal, postgres, bundle] = await Promise.all([
    startTemporalDevServer({ dbFile: temporalDbFile, log }),
    startEmbeddedPostgres({ dataDir: join(work, 'pg') }),
    bundleCaseWorkflows(root),
  ]);
  const globals = globalThis as unknown as { __dandangServices?: { stop(): Promise<void> } };
  globals.__dandangServices = {
    stop: async () => {
      await Promise.allSettled([temporal.stop(), postgres.stop()]);
    },
  };

  // As a deployment's: migrated as the owner role; the application role may only read and append to the audit tables.
  const admin = new Client({ connectionString: postgres.urlFor('postgres') });
  await admin.connect();
  try {
    await ensureDatabaseRoles(admin, TEST_DATABASE_ROLES);
    await ensureOwnedDatabase(admin, TEMPLATE_DATABASE, { owner: TEST_DATABASE_ROLES.owner.name, app: TEST_DATABASE_ROLES.app.name });
  } finally {
    await admin.end();
  }
  const ownerUrl = urlAs(postgres.urlFor(TEMPLATE_DATABASE), TEST_DATABASE_ROLES.owner);
  const dataSource = await createDataSource(ownerUrl, { poolSize: 2 }).initialize();
  try {
    await migrate(dataSource);
    await grantApplicationRole(dataSource, TEST_DATABASE_ROLES.app.name);
    await seedDemoData(dataSource);
  } finally {
    await dataSource.destroy();
  }

  const bundlePath = join(work, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);
  process.env[TEST_ENV.temporalAddress] = temporal.address;
  process.env[TEST_ENV.postgresTemplateUrl] = postgres.urlFor(TEMPLATE_DATABASE);
  process.env[TEST_ENV.workflowBundle] = bundlePath;
  process.env[TEST_ENV.masterKeys] = masterKeysText(newMasterKeys());
  process.env[TEST_ENV.temporalDbFile] = temporalDbFile;
}
