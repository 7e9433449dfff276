import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  AuditEventEntity,
  CaseRecordEntity,
  FaultToleranceReviewEntity,
  CaseReporterEntity,
  IdempotencyKeyEntity,
  OfficialEffectEntity,
  OrgUnitEntity,
  UserEntity,
} from './entities';
import { InitialSchema1764230400000 } from './migrations/1764230400000-initial-schema';
import { StageClocks1764316800000 } from './migrations/1764316800000-stage-clocks';
import { CaseTextSearch1764576000000 } from './migrations/1764576000000-case-text-search';
import { FaultTolerance1764489600000 } from './migrations/1764489600000-fault-tolerance';
import { DashboardCounters1764662400000 } from './migrations/1764662400000-dashboard-counters';
import { CaseSearchPairs1764748800000 } from './migrations/1764748800000-case-search-pairs';
import { LoginFailures1764835200000 } from './migrations/1764835200000-login-failures';
import { CaseSight1764921600000 } from './migrations/1764921600000-case-sight';
import { SecurityEvents1765180800000 } from './migrations/1765180800000-security-events';
import { RecusalIndex1765267200000 } from './migrations/1765267200000-recusal-index';
import { SealedReporters1765353600000 } from './migrations/1765353600000-sealed-reporters';
import { AuditCheckpoints1765526400000 } from './migrations/1765526400000-audit-checkpoints';
import { Administration1765612800000 } from './migrations/1765612800000-administration';
import { EvidenceFiles1765785600000 } from './migrations/1765785600000-evidence-files';
import { Documents1765872000000 } from './migrations/1765872000000-documents';
import { TaskHolders1765958400000 } from './migrations/1765958400000-task-holders';
import { OfficialEffects1766044800000 } from './migrations/1766044800000-official-effects';
import { ProcedurePolicy1766131200000 } from './migrations/1766131200000-procedure-policy';
import { ConcernedUsers1766217600000 } from './migrations/1766217600000-concerned-users';

export const ENTITIES = [OrgUnitEntity, UserEntity, CaseRecordEntity, CaseReporterEntity, AuditEventEntity, IdempotencyKeyEntity, FaultToleranceReviewEntity, OfficialEffectEntity];
export const MIGRATIONS = [InitialSchema1764230400000, StageClocks1764316800000, FaultTolerance1764489600000, CaseTextSearch1764576000000, DashboardCounters1764662400000, CaseSearchPairs1764748800000, LoginFailures1764835200000, CaseSight1764921600000, SecurityEvents1765180800000, RecusalIndex1765267200000, SealedReporters1765353600000, AuditCheckpoints1765526400000, Administration1765612800000, EvidenceFiles1765785600000, Documents1765872000000, TaskHolders1765958400000, OfficialEffects1766044800000, ProcedurePolicy1766131200000, ConcernedUsers1766217600000];

/**
 * pg with a pool whose connections always have an error listener. pg-pool listens for errors only on idle
 * connections, and TypeORM adds none to the connection it checks out: when PostgreSQL ended a connection
 * (a restart, `pg_terminate_backend`) while it was checked out between two queries, the error had no listener and
 * took the whole process down (the fault-injection test caught a worker so). Now the error is reported, the broken
 * connection fails its next query, and the pool drops it when it comes back.
 */
class PoolWithConnectionErrorListeners extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config);
    this.on('connect', (client) => {
      client.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    });
  }
}
const pgDriver = Object.assign(Object.create(pg) as typeof pg, { Pool: PoolWithConnectionErrorListeners });

/** A DataSource over our entities; schema changes only through MIGRATIONS, never synchronize. */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    driver: pgDriver,
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'dandang',
  });
}

/** Applies pending migrations, each in its own transaction. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
