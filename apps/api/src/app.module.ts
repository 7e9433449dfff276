import type { Writable } from 'node:stream';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { HandlerSpans } from './observability/handler-spans';
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
import { loggerModule } from './observability/logging';
import { ObservabilityModule } from './observability/observability.module';
import { TemporalCodecModule } from './temporal-codec/temporal-codec.module';
import { ReporterIdentityModule } from './reporter-identity/reporter-identity.module';
import { DocumentsModule } from './documents/documents.module';
import { EvidenceModule } from './evidence/evidence.module';
import { SecurityEventsModule } from './security-events/security-events.module';
import { ExportsModule } from './exports/exports.module';
import { ReportsModule } from './reports/reports.module';
import { ReassignmentsModule } from './reassignments/reassignments.module';
import { EffectsModule } from './effects/effects.module';

@Module({})
export class AppModule {
  /** `logDestination`: where the JSON logs go instead of stdout (tests that read them). */
  static forRoot(config: AppConfig, options: { logDestination?: Writable } = {}): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        loggerModule(config, options.logDestination),
        ObservabilityModule,
        DatabaseModule,
        TemporalModule,
        SecurityEventsModule,
        AuthModule,
        HealthModule,
        // Before CasesModule: `cases/export` must be routed before `cases/:id` takes it as a case.
        ExportsModule,
        CasesModule,
        ReportsModule,
        ReporterIdentityModule,
        DocumentsModule,
        EvidenceModule,
        DashboardModule,
        DirectoryModule,
        NotificationsModule,
        AuditModule,
        AdminModule,
        ReassignmentsModule,
        EffectsModule,
        TemporalCodecModule,
      ],
      providers: [
        { provide: ApiConfig, useValue: new ApiConfig(config) },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: HandlerSpans },
      ],
      exports: [ApiConfig],
    };
  }
}
