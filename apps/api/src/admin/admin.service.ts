import { Injectable } from '@nestjs/common';
import type { PinnedCalendar, PinnedPolicy } from '@dandang/contracts';
import { DomainError, DomainErrorCode, calendarProblems, invalidInput, policyProblems } from '@dandang/domain';
import { ReferenceDataRepository, type Published } from '@dandang/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { PublishedCalendar, PublishedPolicy } from '../http/api-responses';

const exists = (what: string, version: string) =>
  new DomainError(DomainErrorCode.CONFLICT, `${what} version ${version} is already published; publish a new version`, 'VERSION_EXISTS');

const published = <T>(row: Published<T>) => ({
  version: row.version,
  data: row.data,
  publishedAt: new Date(row.publishedAt).toISOString(),
  publishedBy: row.publishedBy,
});

/** Policy and holiday-calendar versions: checked by the domain's rules, then published once and never changed. */
@Injectable()
export class AdminService {
  constructor(private readonly referenceData: ReferenceDataRepository) {}

  async policies(): Promise<PublishedPolicy[]> {
    return (await this.referenceData.listPolicies()).map(published);
  }

  async publishPolicy(user: AuthUser, body: unknown): Promise<PinnedPolicy> {
    const problems = policyProblems(body);
    if (problems.length) throw invalidInput(problems);
    const policy = body as PinnedPolicy;
    if (!(await this.referenceData.publishPolicy(policy, user.id))) throw exists('policy', policy.version);
    return policy;
  }

  async calendars(): Promise<PublishedCalendar[]> {
    return (await this.referenceData.listCalendars()).map(published);
  }

  async publishCalendar(user: AuthUser, body: unknown): Promise<PinnedCalendar> {
    const problems = calendarProblems(body);
    if (problems.length) throw invalidInput(problems);
    const calendar = body as PinnedCalendar;
    if (!(await this.referenceData.publishCalendar(calendar, user.id))) throw exists('calendar', calendar.version);
    return calendar;
  }
}
