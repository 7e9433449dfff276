import type { PinnedCalendar, PinnedPolicy } from '@dandang/contracts';

// The answers of the API's own routes that libs/contracts/src/http does not declare, because the web app reads
// none of them. The services return these types, and tools/openapi-schemas.ts makes the document's schemas of them.

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

/** `POST /api/notifications/:id/read`. */
export interface NotificationRead {
  id: string;
  read: true;
}

/** `GET /api/health`: 200 when PostgreSQL and Temporal both answer, else 503 with the same body. */
export interface HealthStatus {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  temporal: 'up' | 'down';
}
