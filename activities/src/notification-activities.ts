import { createHmac } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { RUNG_LABELS, STAGE_LABELS, type Label, type RungKind, type Stage } from '@dandang/contracts';
import { deadlineNoticeAudience, noticeRecipients, type NoticeAudience } from '@dandang/domain';
import type { NotificationRepository } from '@dandang/persistence';

export interface NotificationActivityDeps {
  notifications: NotificationRepository;
  webhook?: { url: string; secret: string };
  fetch?: typeof fetch;
}

export interface DeadlineNotice {
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  /** The stage whose clock (or a step within it) fired; absent for a clock outside the case's stages (a review step's). */
  stage?: Stage;
  /** Names the clock in place of the stage (a review step's clock). */
  clockLabel?: Label;
  rungId: string;
  kind: RungKind;
  dueAt: string;
  /** Identifies the stage clock, so a rung of a later clock is a new notice. */
  clockStartedAt: string;
  assigneeId?: string;
  orgUnitId: string;
  /** Users recused from the case, who are never told of it. */
  recusedUserIds?: string[];
}

/** Signature header value: HMAC-SHA256 of the exact body with the shared secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Deadline notices into the outbox: not an activity of its own, recordClockFirings sends each firing's notices. */
export function createDeadlineNotifier(deps: NotificationActivityDeps) {
  return {
    /** Puts a deadline rung in the outbox of those the domain says are told of it (deadlineNoticeAudience). Idempotent. */
    async notifyDeadline(notice: DeadlineNotice): Promise<string[]> {
      const members: Record<NoticeAudience, () => Promise<string[]>> = {
        ASSIGNEE: async () => (notice.assigneeId ? [notice.assigneeId] : []),
        UNIT_SUPERVISORS: () => deps.notifications.supervisorsOf(notice.orgUnitId),
        HIGHER_SUPERVISORS: () => deps.notifications.higherSupervisorsOf(notice.orgUnitId),
      };
      const recipients: string[] = [];
      for (const audience of deadlineNoticeAudience(notice.kind, Boolean(notice.assigneeId))) recipients.push(...(await members[audience]()));
      const label = RUNG_LABELS[notice.kind];
      const clock = notice.clockLabel ?? (notice.stage ? STAGE_LABELS[notice.stage] : undefined);
      return deps.notifications.notify(noticeRecipients(recipients, notice.recusedUserIds ?? []), {
        caseId: notice.caseId,
        kind: notice.kind,
        title: `${label.zh} ${notice.caseNumber} (${label.en})`,
        body: `${notice.caseTitle}${clock ? ` — ${clock.zh} (${clock.en})` : ''} 期限 due ${notice.dueAt}`,
        dedupeKey: `${notice.caseId}:${notice.clockStartedAt}:${notice.rungId}`,
      });
    },
  };
}

export function createNotificationActivities(deps: NotificationActivityDeps) {
  return {
    /** POSTs undelivered notifications to the configured webhook; a failed delivery throws, and Temporal retries. */
    async deliverWebhook(input: { notificationIds: string[] }): Promise<number> {
      if (!deps.webhook || input.notificationIds.length === 0) return 0;
      const pending = await deps.notifications.undelivered(input.notificationIds);
      if (pending.length === 0) return 0;
      const body = JSON.stringify({ notifications: pending });
      const response = await (deps.fetch ?? fetch)(deps.webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dandang-signature': webhookSignature(deps.webhook.secret, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        throw ApplicationFailure.nonRetryable(`webhook refused the notifications with ${response.status}`, 'WebhookRefused');
      }
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
      await deps.notifications.markDelivered(pending.map((n) => n.id));
      return pending.length;
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
