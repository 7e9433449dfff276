import type { PinnedCalendar, PinnedPolicy } from '@dandang/contracts';
import type { DataSource } from 'typeorm';

export interface Published<T> {
  version: string;
  data: T;
  publishedAt: Date;
  publishedBy: string | null;
}

/** Versioned policies and holiday calendars: published by an administrator, pinned by each new case. */
export class ReferenceDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async latestPolicy(): Promise<PinnedPolicy> {
    return (await this.latest<PinnedPolicy>('policies')).data;
  }

  async latestCalendar(): Promise<PinnedCalendar> {
    return (await this.latest<PinnedCalendar>('calendars')).data;
  }

  /** The effective calendar (every published year), or undefined before the first publication. */
  async currentCalendar(): Promise<PinnedCalendar | undefined> {
    const [row] = await this.list<PinnedCalendar>('calendars', 1);
    return row?.data;
  }

  listPolicies(): Promise<Published<PinnedPolicy>[]> {
    return this.list('policies');
  }

  listCalendars(): Promise<Published<PinnedCalendar>[]> {
    return this.list('calendars');
  }

  /** False when the version exists already: a published version never changes. */
  publishPolicy(policy: PinnedPolicy, by: string): Promise<boolean> {
    return this.publish('policies', policy.version, policy, by);
  }

  publishCalendar(calendar: PinnedCalendar, by: string): Promise<boolean> {
    return this.publish('calendars', calendar.version, calendar, by);
  }

  private async latest<T>(table: 'policies' | 'calendars'): Promise<Published<T>> {
    const [row] = await this.list<T>(table, 1);
    if (!row) throw new Error(`no ${table} published`);
    return row;
  }

  private list<T>(table: 'policies' | 'calendars', limit = 100): Promise<Published<T>[]> {
    return this.dataSource.query(
      `SELECT version, data, published_at AS "publishedAt", published_by AS "publishedBy" FROM ${table}
       ORDER BY published_at DESC, version DESC LIMIT $1`,
      [limit],
    );
  }

  private async publish(table: 'policies' | 'calendars', version: string, data: unknown, by: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO ${table} (version, data, published_at, published_by) VALUES ($1, $2, clock_timestamp(), $3)
       ON CONFLICT (version) DO NOTHING RETURNING version`,
      [version, JSON.stringify(data), by],
    );
    return rows.length > 0;
  }
}
