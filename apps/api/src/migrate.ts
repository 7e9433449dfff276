import { ConfigError, loadMasterKeys, loadMigrationUrls } from '@dandang/config';
import { createDataSource, grantApplicationRole, migrate, roleOf, withKeyRing } from '@dandang/persistence';
import { KeyRing } from '@dandang/sealing';

/**
 * Applies pending database migrations as the owner role (MIGRATION_DATABASE_URL), then grants the application role
 * (DATABASE_URL's) what it may do, and exits. With DATABASE_URL alone, one role owns everything (a development setup).
 */
async function main(): Promise<void> {
  const urls = loadMigrationUrls();
  const dataSource = await createDataSource(urls.owner, { poolSize: 1, applicationName: 'dandang-migrate' }).initialize();
  try {
    // The keys, when given, let a migration seal what an older version stored in plaintext (docs/key-management.md).
    const keysGiven = Boolean(process.env['MASTER_KEYS'] || process.env['MASTER_KEYS_FILE']);
    const applied = await migrate(keysGiven ? withKeyRing(dataSource, new KeyRing(loadMasterKeys())) : dataSource);
    console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
    const app = roleOf(urls.app);
    if (roleOf(urls.owner) === app) {
      console.warn('MIGRATION_DATABASE_URL is unset: the API and worker connect as the owner of the audit tables, who can alter them');
    } else {
      await grantApplicationRole(dataSource, app);
      console.log(`granted role ${app} read and append on the audit tables, normal use of the others`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
