import type { PinnedPolicy } from '../case-state';
import type { PinnedCalendar } from '../case-workflow';

/** An entry of `GET /api/admin/policies`: a published policy version, newest first. */
export interface PublishedPolicy {
  version: string;
  data: PinnedPolicy;
  publishedAt: string;
  publishedBy: string | null;
}

/** An entry of `GET /api/admin/calendars`: a published holiday-calendar version, newest first. */
export interface PublishedCalendar {
  version: string;
  data: PinnedCalendar;
  publishedAt: string;
  publishedBy: string | null;
}
