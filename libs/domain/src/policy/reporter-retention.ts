import type { PinnedPolicy } from '@dandang/contracts';
import { addMonths, CHINA_STANDARD_TIME_OFFSET_MINUTES, toDayNumber } from '../calendar/calendar-day';

/**
 * How long a real-name reporter's identity is kept after its case is closed, when the policy says nothing
 * (docs/domain.md, "Whistle-blower protection"): [SUGGESTED] ten years.
 */
export const DEFAULT_REPORTER_IDENTITY_RETENTION_YEARS = 10;

export const reporterIdentityRetentionYears = (policy: Pick<PinnedPolicy, 'reporterIdentityRetentionYears'>): number =>
  policy.reporterIdentityRetentionYears ?? DEFAULT_REPORTER_IDENTITY_RETENTION_YEARS;

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/**
 * When the reporter's identity of a case closed at `caseEndedAt` may be erased: once the retention period has run,
 * counted in years from the day after closing and ending with the corresponding day (民法典 art. 201–203, in China
 * Standard Time), i.e. at the start of the day after that.
 */
export function reporterIdentityErasableAt(caseEndedAt: Date, policy: Pick<PinnedPolicy, 'reporterIdentityRetentionYears'>): Date {
  const closedOn = toDayNumber(caseEndedAt, 'caseEndedAt');
  const lastDay = addMonths(closedOn, 12 * reporterIdentityRetentionYears(policy));
  return new Date((lastDay + 1) * MS_PER_DAY - CHINA_STANDARD_TIME_OFFSET_MINUTES * MS_PER_MINUTE);
}

/**
 * For a query: the cases whose identity is erasable at `now` are exactly those closed before this instant (the
 * inverse of the rule above; a retention period ending on a day that does not exist moves the boundary by a day).
 */
export function reporterIdentityClosedBefore(now: Date, policy: Pick<PinnedPolicy, 'reporterIdentityRetentionYears'>): Date {
  const months = 12 * reporterIdentityRetentionYears(policy);
  const today = toDayNumber(now, 'now');
  // Periods of whole years end on the same or an earlier day than a calendar count back gives: look from two days on.
  let lastErasable = addMonths(today, -months) + 2;
  while (addMonths(lastErasable, months) >= today) lastErasable--;
  return new Date((lastErasable + 1) * MS_PER_DAY - CHINA_STANDARD_TIME_OFFSET_MINUTES * MS_PER_MINUTE);
}
