import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@dandang/config';
import { AppModule } from './app.module';
import { createValidationPipe } from './http/validation';
import { TextSafetyPipe } from './http/text-safety.pipe';

/** The HTTP application, configured but not listening (tests drive it with supertest). */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: config.nodeEnv === 'test' ? ['error'] : ['log', 'warn', 'error'],
    bodyParser: false,
  });
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
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new TextSafetyPipe(), createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Dandang (担当) API')
      .setDescription('Accountability and fault-tolerance procedures as durable, auditable workflows')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  serveWebApp(app);
  return app;
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
