import { Injectable } from '@nestjs/common';
import type { NotificationItem } from '@dandang/contracts';
import { DomainError, DomainErrorCode, caseListScope } from '@dandang/domain';
import { NotificationRepository } from '@dandang/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { NotificationRead } from '../http/api-responses';

/** Notification ids are bigserial: anything else names none (and must not reach PostgreSQL as a bigint). */
const NOTIFICATION_ID = /^\d{1,18}$/;

/**
 * A user sees and marks only their own notifications, and of those about a case only while they may see the case
 * (the case-sight rule, applied in SQL): another's, or one about a case they were since recused from, is "not found".
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationRepository) {}

  async list(user: AuthUser, unreadOnly: boolean, limit: number): Promise<NotificationItem[]> {
    const items = await this.notifications.listForUser(user.id, caseListScope(user), { unreadOnly, limit });
    return items.map((n) => ({ ...n, createdAt: new Date(n.createdAt).toISOString(), readAt: n.readAt ? new Date(n.readAt).toISOString() : null }));
  }

  async markRead(user: AuthUser, id: string): Promise<NotificationRead> {
    if (!NOTIFICATION_ID.test(id) || !(await this.notifications.markRead(user.id, caseListScope(user), id))) {
      throw new DomainError(DomainErrorCode.NOT_FOUND, 'notification not found', 'NOT_FOUND');
    }
    return { id, read: true };
  }
}
