import 'reflect-metadata';
import { ConfigError, loadConfig } from '@dandang/config';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, '0.0.0.0');
  console.log(`api: listening on http://localhost:${config.port}/api (OpenAPI at /api/docs)`);
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
