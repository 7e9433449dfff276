import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type { AppConfig } from '@dandang/config';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DirectoryModule } from './directory/directory.module';
import { HealthModule } from './health/health.module';
import { ErrorFilter } from './http/error.filter';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ApiConfig } from './infrastructure/api-config';
import { DatabaseModule } from './infrastructure/database.module';
import { TemporalModule } from './infrastructure/temporal.module';
import { NotificationsModule } from './notifications/notifications.module';
import { TemporalCodecModule } from './temporal-codec/temporal-codec.module';
import { ReporterIdentityModule } from './reporter-identity/reporter-identity.module';
import { SecurityEventsModule } from './security-events/security-events.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule,
        TemporalModule,
        SecurityEventsModule,
        AuthModule,
        HealthModule,
        CasesModule,
        ReporterIdentityModule,
        DashboardModule,
        DirectoryModule,
        NotificationsModule,
        AuditModule,
        AdminModule,
        TemporalCodecModule,
      ],
      providers: [
        { provide: ApiConfig, useValue: new ApiConfig(config) },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [ApiConfig],
    };
  }
}
