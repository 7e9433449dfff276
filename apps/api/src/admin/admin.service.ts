import { Injectable } from '@nestjs/common';
import type { PinnedCalendar, PinnedPolicy } from '@dandang/contracts';
import {
  DomainError,
  DomainErrorCode,
  calendarProblems,
  correctedYears,
  invalidInput,
  isPlainObject,
  mergeCalendarPublication,
  policyProblems,
  validateCalendarData,
  type FieldProblem,
} from '@dandang/domain';
import { ReferenceDataRepository, type Published } from '@dandang/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CaseWorkflowClient } from '../infrastructure/case-workflow.client';
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

/** A publication's `reason` (why, for the security-event log) beside the version's own fields; optional for API clients. */
function withReason(body: unknown): { data: unknown; reason?: string } {
  if (!isPlainObject(body) || !('reason' in body)) return { data: body };
  const { reason, ...data } = body;
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 2000) throw invalidInput([{ field: 'reason', message: 'must be 1–2000 characters' }]);
  return { data, reason };
}

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
    private readonly cases: CaseWorkflowClient,
  ) {}

  async policies(): Promise<PublishedPolicy[]> {
    return (await this.referenceData.listPolicies()).map(published);
  }

  async publishPolicy(user: AuthUser, body: unknown): Promise<PinnedPolicy> {
    const { data, reason } = withReason(body);
    const policy = await publishChecked('policy', policyProblems(data), data as PinnedPolicy, (p) => this.referenceData.publishPolicy(p, user.id));
    await this.securityEvents.record({ kind: 'POLICY_PUBLISHED', actor: user, subject: policy.version, reason });
    return policy;
  }

  async calendars(): Promise<PublishedCalendar[]> {
    return (await this.referenceData.listCalendars()).map(published);
  }

  /**
   * A publication carries the years it states and joins the published ones (`mergeCalendarPublication`): the stored
   * version is the effective calendar, which new cases pin. Restating a published year differently is a correction
   * and needs a reason. Running cases are then told, and take the years they lack (docs/domain.md §f).
   */
  async publishCalendar(user: AuthUser, body: unknown): Promise<PinnedCalendar> {
    const { data, reason } = withReason(body);
    const shapeProblems = calendarProblems(data);
    if (shapeProblems.length) throw invalidInput(shapeProblems);
    const publication = data as PinnedCalendar;
    const current = await this.referenceData.currentCalendar();
    const corrected = correctedYears(current, publication);
    if (corrected.length && !reason) {
      throw invalidInput([{ field: 'reason', message: `corrects the published year(s) ${corrected.join(', ')}: give the reason` }]);
    }
    const merged = mergeCalendarPublication(current, publication) as PinnedCalendar;
    const calendar = await publishChecked('calendar', validateCalendarData(merged), merged, (c) => this.referenceData.publishCalendar(c, user.id));
    await this.securityEvents.record({ kind: 'CALENDAR_PUBLISHED', actor: user, subject: calendar.version, reason });
    await this.cases.tellCalendarPublished(calendar);
    return calendar;
  }
}
