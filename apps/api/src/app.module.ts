import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type { AppConfig } from '@dandang/config';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { HealthController } from './health/health.controller';
import { ErrorFilter } from './http/error.filter';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ApiConfig } from './infrastructure/api-config';
import { DatabaseModule } from './infrastructure/database.module';
import { TemporalModule } from './infrastructure/temporal.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [DatabaseModule, TemporalModule, AuthModule, CasesModule],
      controllers: [HealthController],
      providers: [
        { provide: ApiConfig, useValue: new ApiConfig(config) },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [ApiConfig],
    };
  }
}
