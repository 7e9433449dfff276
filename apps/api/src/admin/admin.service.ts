import { Injectable } from '@nestjs/common';
import type { PinnedCalendar, PinnedPolicy } from '@dandang/contracts';
import { DomainError, DomainErrorCode, calendarProblems, invalidInput, policyProblems, type FieldProblem } from '@dandang/domain';
import { ReferenceDataRepository, type Published } from '@dandang/persistence';
import type { AuthUser } from '../auth/auth-user';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import type { PublishedCalendar, PublishedPolicy } from '../http/api-responses';

const exists = (what: string, version: string) =>
  new DomainError(DomainErrorCode.CONFLICT, `${what} version ${version} is already published; publish a new version`, 'VERSION_EXISTS');

const published = <T>(row: Published<T>) => ({
  version: row.version,
  data: row.data,
  publishedAt: new Date(row.publishedAt).toISOString(),
  publishedBy: row.publishedBy,
});

/** Publishes a version the domain found no problem with (`data` is only trusted then), once: a version is never changed. */
async function publishChecked<T extends { version: string }>(
  what: 'policy' | 'calendar',
  problems: FieldProblem[],
  data: T,
  publish: (data: T) => Promise<boolean>,
): Promise<T> {
  if (problems.length) throw invalidInput(problems);
  if (!(await publish(data))) throw exists(what, data.version);
  return data;
}

/** Policy and holiday-calendar versions: checked by the domain's rules, then published once and never changed. */
@Injectable()
export class AdminService {
  constructor(
    private readonly referenceData: ReferenceDataRepository,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  async policies(): Promise<PublishedPolicy[]> {
    return (await this.referenceData.listPolicies()).map(published);
  }

  async publishPolicy(user: AuthUser, body: unknown): Promise<PinnedPolicy> {
    const policy = await publishChecked('policy', policyProblems(body), body as PinnedPolicy, (p) => this.referenceData.publishPolicy(p, user.id));
    await this.securityEvents.record({ kind: 'POLICY_PUBLISHED', actor: user, subject: policy.version });
    return policy;
  }

  async calendars(): Promise<PublishedCalendar[]> {
    return (await this.referenceData.listCalendars()).map(published);
  }

  async publishCalendar(user: AuthUser, body: unknown): Promise<PinnedCalendar> {
    const calendar = await publishChecked('calendar', calendarProblems(body), body as PinnedCalendar, (c) => this.referenceData.publishCalendar(c, user.id));
    await this.securityEvents.record({ kind: 'CALENDAR_PUBLISHED', actor: user, subject: calendar.version });
    return calendar;
  }
}
