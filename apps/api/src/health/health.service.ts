import { Injectable } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { HealthRepository } from '@dandang/persistence';
import type { HealthStatus } from '../http/api-responses';

const CHECK_TIMEOUT_MS = 3_000;

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref())]);
    return 'up';
  } catch {
    return 'down';
  }
}

/** Whether PostgreSQL and Temporal answer, each within a few seconds. */
@Injectable()
export class HealthService {
  constructor(
    private readonly database: HealthRepository,
    private readonly temporal: Connection,
  ) {}

  async status(): Promise<HealthStatus> {
    const [database, temporal] = await Promise.all([
      probe(() => this.database.ping()),
      probe(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    return { status: database === 'up' && temporal === 'up' ? 'ok' : 'degraded', database, temporal };
  }

  /** Ready for traffic: both answer and the schema is migrated (a new image started before its migration is not). */
  async readiness(): Promise<HealthStatus> {
    const status = await this.status();
    let migrations: HealthStatus['migrations'] = 'unknown';
    if (status.database === 'up') {
      try {
        migrations = (await this.database.migrationsCurrent()) ? 'current' : 'pending';
      } catch {
        migrations = 'unknown';
      }
    }
    return { ...status, status: status.status === 'ok' && migrations === 'current' ? 'ok' : 'degraded', migrations };
  }
}
