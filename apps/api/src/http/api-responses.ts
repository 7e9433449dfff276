// The answers of the API's own routes that libs/contracts/src/http does not declare, because the web app reads
// none of them. The services return these types, and tools/openapi-schemas.ts makes the document's schemas of them.

// The admin's publications are read by the web app too: declared in libs/contracts/src/http.
export type { PublishedCalendar, PublishedPolicy } from '@dandang/contracts';

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
  /** `GET /api/health/ready` only: whether PostgreSQL's schema has every migration this code knows. */
  migrations?: 'current' | 'pending' | 'unknown';
}
