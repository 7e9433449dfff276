import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@dandang/config';
import { AppModule } from './app.module';
import { createValidationPipe } from './http/validation';

/** The HTTP application, configured but not listening (tests drive it with supertest). */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: config.nodeEnv === 'test' ? ['error'] : ['log', 'warn', 'error'],
    bodyParser: false,
  });
  // JSON only, bounded; anything else is refused before it reaches a controller.
  app.useBodyParser('json', { limit: '256kb', strict: true });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
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
  return app;
}
