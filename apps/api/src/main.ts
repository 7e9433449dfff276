import 'reflect-metadata';
// First: configuration and tracing, before http and Nest load (boot.ts).
import { boot } from './observability/boot';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '@dandang/config';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  if ('error' in boot) throw boot.error;
  const { config, tracing } = boot;
  const app = await createApiApp(config);
  if (tracing) process.once('beforeExit', () => void tracing.shutdown());
  await app.listen(config.port, '0.0.0.0');
  app.get(Logger).log(`api: listening on http://localhost:${config.port}/api (OpenAPI at /api/docs)`);
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
