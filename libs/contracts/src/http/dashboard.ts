import type { DashboardFigures } from '../read-model';

/** `GET /api/dashboard`, for the caller's org-unit subtree. */
export interface DashboardResponse extends DashboardFigures {
  generatedAt: string;
}
