import { Global, Module, type OnApplicationShutdown, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AdministrationRepository,
  AuditCheckpointRepository,
  AuditRepository,
  CaseExportRepository,
  CaseNumberRepository,
  CaseReadRepository,
  DashboardRepository,
  DocumentRepository,
  HealthRepository,
  IdempotencyRepository,
  LoginFailureRepository,
  NotificationRepository,
  OfficialEffectsRepository,
  OperationalCountsRepository,
  OrgUnitRepository,
  ReassignmentRepository,
  ReferenceDataRepository,
  ReportRepository,
  ReporterRepository,
  ReviewRepository,
  SecurityEventRepository,
  SessionRepository,
  UserRepository,
  EvidenceFileRepository,
  createDataSource,
} from '@dandang/persistence';
import { KeyRing } from '@dandang/sealing';
import { ApiConfig } from './api-config';

const REPOSITORIES = [
  AdministrationRepository,
  AuditCheckpointRepository,
  AuditRepository,
  CaseExportRepository,
  CaseNumberRepository,
  CaseReadRepository,
  DashboardRepository,
  DocumentRepository,
  EvidenceFileRepository,
  HealthRepository,
  IdempotencyRepository,
  LoginFailureRepository,
  NotificationRepository,
  OfficialEffectsRepository,
  OperationalCountsRepository,
  OrgUnitRepository,
  ReassignmentRepository,
  ReferenceDataRepository,
  ReportRepository,
  ReviewRepository,
  SecurityEventRepository,
  SessionRepository,
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
    // The master keys seal the reporter's identity before it reaches PostgreSQL (docs/key-management.md).
    { provide: KeyRing, inject: [ApiConfig], useFactory: (config: ApiConfig) => new KeyRing(config.values.masterKeys) },
    { provide: ReporterRepository, inject: [DataSource, KeyRing], useFactory: (ds: DataSource, keys: KeyRing) => new ReporterRepository(ds, keys) },
    DataSourceCloser,
  ],
  // Features reach PostgreSQL through the repositories only, never the DataSource itself.
  exports: [...REPOSITORIES, ReporterRepository, KeyRing],
})
export class DatabaseModule {}
