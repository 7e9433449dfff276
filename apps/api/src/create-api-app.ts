import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@dandang/config';
import { AppModule } from './app.module';
import { createValidationPipe } from './http/validation';
import { TextSafetyPipe } from './http/text-safety.pipe';
import { createApiDocument } from './openapi/api-document';
import { ApiMetrics } from './observability/metrics';
import { requestContext } from './observability/request-context';

const API_PREFIX = 'api';

export interface ApiAppOptions {
  /** Where the JSON logs go instead of stdout (tests that read them). */
  logDestination?: Writable;
}

/** The HTTP application, configured but not listening (tests drive it with supertest). */
export async function createApiApp(config: AppConfig, options: ApiAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), { bufferLogs: true, bodyParser: false });
  // Nest's own log lines go through pino too (docs/operations.md), with the request id of the request they belong to.
  app.useLogger(app.get(Logger));
  // First: the request id every later line, answer and Temporal call carries; then the metrics that time the rest.
  app.use(requestContext());
  app.use(app.get(ApiMetrics).middleware());
  // The client's address (per-address sign-in limit, security events) comes from the connection unless TRUST_PROXY
  // names the proxies in front: compose publishes the API's port directly, so nothing there may claim an address.
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  // JSON only, bounded; anything else is refused before it reaches a controller.
  app.use(
    json({
      limit: '256kb',
      strict: true,
      // Refuse bytes that are not UTF-8 rather than storing replacement characters in a case.
      verify: (_req, _res, buffer) => {
        if (!isUtf8(buffer)) throw Object.assign(new Error('request body is not valid UTF-8'), { status: 400, type: 'encoding.invalid' });
      },
    }),
  );
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new TextSafetyPipe(), createValidationPipe());
  app.enableShutdownHooks();
  // The document maps every route and field: a help to developers, not something to hand out from production.
  if (config.nodeEnv !== 'production') SwaggerModule.setup(`${API_PREFIX}/docs`, app, createApiDocument(app));
  serveWebApp(app);
  return app;
}

/**
 * The browser's protections on every answer (helmet, whose defaults drop X-Powered-By and add nosniff among others):
 * a content security policy that allows no inline or foreign script and no framing (clickjacking), styles inline as
 * Ant Design writes them; and no API answer is cached anywhere, as they carry case content.
 */
function securityHeaders() {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    headers(req, res, next);
  };
}

/**
 * The OpenAPI document alone, without connecting to anything: in Nest's preview mode no provider is instantiated,
 * so neither PostgreSQL nor Temporal is needed (tests check the document so).
 */
export async function describeApi(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { preview: true, logger: false });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return createApiDocument(app);
  } finally {
    await app.close();
  }
}

/**
 * The officers' web application (apps/web, built by Vite into dist/web) at the API's own address: its files,
 * and index.html for any other GET outside /api so that client-side routes survive a reload. Looked up next
 * to the compiled API (dist/apps/api/src → dist/web) and from the sources (apps/api/src → dist/web).
 */
function serveWebApp(app: NestExpressApplication): void {
  const root = [resolve(__dirname, '../../../web'), resolve(__dirname, '../../../dist/web')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
  if (!root) return;
  app.useStaticAssets(root, { index: false, maxAge: '1h', immutable: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(root, 'index.html'));
  });
}
