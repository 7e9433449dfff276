/** An entry of `GET /api/notifications`: the caller's reminders and escalations, newest first. */
export interface NotificationItem {
  id: string;
  userId: string;
  caseId: string | null;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}
