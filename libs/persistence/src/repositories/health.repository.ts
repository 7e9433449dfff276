import type { DataSource } from 'typeorm';

/** Whether PostgreSQL answers at all, for the health endpoint. */
export class HealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** Whether every migration this code knows has been applied (readiness: a newer image waits for its migrations). */
  async migrationsCurrent(): Promise<boolean> {
    return !(await this.dataSource.showMigrations());
  }
}
