/** Names of the environment variables through which global setup hands its servers to test files. */
export const TEST_ENV = {
  temporalAddress: 'DANDANG_TEST_TEMPORAL_ADDRESS',
  postgresTemplateUrl: 'DANDANG_TEST_POSTGRES_TEMPLATE_URL',
  workflowBundle: 'DANDANG_TEST_WORKFLOW_BUNDLE',
  unitOnly: 'DANDANG_UNIT_ONLY',
  masterKeys: 'DANDANG_TEST_MASTER_KEYS',
  temporalDbFile: 'DANDANG_TEST_TEMPORAL_DB_FILE',
} as const;

export const TEMPLATE_DATABASE = 'dandang_template';

/**
 * The roles every test database has, as a deployment's: the migrations ran as the owner; the API, the worker and the
 * repositories under test connect as the application role, which may only read and append to the audit tables.
 */
export const TEST_DATABASE_ROLES = {
  owner: { name: 'dandang_owner', password: 'dandang_owner' },
  app: { name: 'dandang_app', password: 'dandang_app' },
} as const;

export interface TestServices {
  temporalAddress: string;
  /** URL of the migrated, seeded template database, as the cluster's superuser; test files clone it. */
  postgresTemplateUrl: string;
  workflowBundlePath: string;
  /** The master keys of this run, as MASTER_KEYS text: fresh for every run, like a deployment's own. */
  masterKeys: string;
  /** The dev server's SQLite file (and its `-wal`): what Temporal stores, for tests that read it raw. */
  temporalDbFile: string;
}

/** The servers global setup started, or a clear error when a test needs them but they are missing. */
export function testServices(): TestServices {
  const temporalAddress = process.env[TEST_ENV.temporalAddress];
  const postgresTemplateUrl = process.env[TEST_ENV.postgresTemplateUrl];
  const workflowBundlePath = process.env[TEST_ENV.workflowBundle];
  const masterKeys = process.env[TEST_ENV.masterKeys];
  const temporalDbFile = process.env[TEST_ENV.temporalDbFile];
  if (!temporalAddress || !postgresTemplateUrl || !workflowBundlePath || !masterKeys || !temporalDbFile) {
    throw new Error(
      `This test needs the Temporal dev server and PostgreSQL from Jest's global setup (unset ${TEST_ENV.unitOnly}).`,
    );
  }
  return { temporalAddress, postgresTemplateUrl, workflowBundlePath, masterKeys, temporalDbFile };
}
