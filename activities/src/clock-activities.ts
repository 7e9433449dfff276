import type { CaseEvent, CaseState, ReviewState } from '@dandang/contracts';
import { createCaseActivities, type CaseActivityDeps } from './case-activities';
import { createDeadlineNotifier, type DeadlineNotice, type NotificationActivityDeps } from './notification-activities';

export interface ClockFiringsInput {
  /** Each fired rung's state and event, in version order. */
  firings: { state: CaseState; event: CaseEvent }[];
  notices: DeadlineNotice[];
}

/** The same for a fault-tolerance review's step clock: its fired rungs go to the review's read row and audit stream. */
export interface ReviewClockFiringsInput {
  firings: { state: ReviewState; event: CaseEvent }[];
  notices: DeadlineNotice[];
}

export interface ClockFiringsResult {
  notificationIds: string[];
  /** Whether a webhook is configured, so the workflow schedules a delivery only when one can happen. */
  webhook: boolean;
}

/**
 * One activity per clock firing: the fired rungs' projections, then their notices. One activity (and one workflow
 * task) per firing, so rungs do not queue behind one another's I/O on a busy server. Idempotent, as its two halves are.
 */
export function createClockActivities(deps: CaseActivityDeps & NotificationActivityDeps) {
  const { projectCase, projectReview } = createCaseActivities(deps);
  const { notifyDeadline } = createDeadlineNotifier(deps);
  return {
    async recordClockFirings(input: ClockFiringsInput): Promise<ClockFiringsResult> {
      for (const firing of input.firings) await projectCase(firing);
      const notificationIds: string[] = [];
      for (const notice of input.notices) notificationIds.push(...(await notifyDeadline(notice)));
      return { notificationIds, webhook: Boolean(deps.webhook) };
    },
    /** One activity per firing of a review's step clock, as `recordClockFirings` for a case's. Idempotent likewise. */
    async recordReviewClockFirings(input: ReviewClockFiringsInput): Promise<ClockFiringsResult> {
      for (const firing of input.firings) await projectReview(firing);
      const notificationIds: string[] = [];
      for (const notice of input.notices) notificationIds.push(...(await notifyDeadline(notice)));
      return { notificationIds, webhook: Boolean(deps.webhook) };
    },
  };
}

export type ClockActivities = ReturnType<typeof createClockActivities>;
