import { ConfigError, loadDatabaseUrl } from '@dandang/config';
import { createDataSource, migrate } from '@dandang/persistence';

/** Applies pending database migrations and exits; needs only DATABASE_URL. */
async function main(): Promise<void> {
  const dataSource = await createDataSource(loadDatabaseUrl(), { poolSize: 1, applicationName: 'dandang-migrate' }).initialize();
  try {
    const applied = await migrate(dataSource);
    console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
