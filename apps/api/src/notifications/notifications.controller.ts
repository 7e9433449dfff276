import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import type { NotificationItem } from '@dandang/contracts';
import { DomainError, DomainErrorCode } from '@dandang/domain';
import { NotificationRepository } from '@dandang/persistence';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';

export class ListNotificationsQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unread: boolean = false;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit: number = 50;
}

/** 消息提醒: the caller's own reminders and escalations. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationRepository) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first' })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQuery): Promise<NotificationItem[]> {
    const items = await this.notifications.listForUser(user.id, { unreadOnly: query.unread, limit: query.limit });
    return items.map((n) => ({ ...n, createdAt: new Date(n.createdAt).toISOString(), readAt: n.readAt ? new Date(n.readAt).toISOString() : null }));
  }

  @Post(':id/read')
  @HttpCode(200)
  async markRead(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    if (!/^\d{1,18}$/.test(id) || !(await this.notifications.markRead(user.id, id))) {
      throw new DomainError(DomainErrorCode.NOT_FOUND, 'notification not found', 'NOT_FOUND');
    }
    return { id, read: true };
  }
}
