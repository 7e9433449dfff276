import { Global, Module, type OnApplicationShutdown, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuditRepository,
  CaseNumberRepository,
  CaseReadRepository,
  DashboardRepository,
  HealthRepository,
  IdempotencyRepository,
  LoginFailureRepository,
  NotificationRepository,
  OrgUnitRepository,
  ReferenceDataRepository,
  ReporterRepository,
  ReviewRepository,
  UserRepository,
  createDataSource,
} from '@dandang/persistence';
import { ApiConfig } from './api-config';

const REPOSITORIES = [
  AuditRepository,
  CaseNumberRepository,
  CaseReadRepository,
  DashboardRepository,
  HealthRepository,
  IdempotencyRepository,
  LoginFailureRepository,
  NotificationRepository,
  OrgUnitRepository,
  ReferenceDataRepository,
  ReporterRepository,
  ReviewRepository,
  UserRepository,
];

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** PostgreSQL: one DataSource for the API and a repository per aggregate (each class is its own token). */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) =>
        createDataSource(config.values.databaseUrl, { applicationName: 'dandang-api' }).initialize(),
    },
    ...REPOSITORIES.map((Repo) => ({ provide: Repo, inject: [DataSource], useFactory: (ds: DataSource) => new Repo(ds) })),
    DataSourceCloser,
  ],
  // Features reach PostgreSQL through the repositories only, never the DataSource itself.
  exports: [...REPOSITORIES],
})
export class DatabaseModule {}
