import { useState } from 'react';
import { App, Button, List, Segmented, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { RUNG_LABELS, type RungKind } from '@dandang/contracts';
import { ApiError, api } from '../api/client';
import type { NotificationItem } from '@dandang/contracts';
import { AsyncView, useAsync } from '../components/async';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { useUnread } from '../notifications/unread';

const KIND_COLORS: Partial<Record<string, string>> = { REMINDER: 'blue', YELLOW_CARD: 'gold', RED_CARD: 'red', ESCALATION: 'magenta' };

/** 消息通知: the user's reminders and escalations (GET /api/notifications), unread first by default. */
export function NotificationsPage() {
  const { t, l } = useLocale();
  const { message } = App.useApp();
  const unread = useUnread();
  const [filter, setFilter] = useState<'unread' | 'all'>('unread');
  const [marking, setMarking] = useState<string | null>(null);
  const state = useAsync(
    (signal) => api<NotificationItem[]>(`/notifications?unread=${filter === 'unread'}&limit=100`, { signal }),
    [filter],
  );

  async function markRead(id: string) {
    setMarking(id);
    try {
      await api(`/notifications/${id}/read`, { method: 'POST' });
      void message.success(t('markedRead'));
      state.reload();
      unread.refresh();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : (e as Error).message);
    } finally {
      setMarking(null);
    }
  }

  return (
    <>
      <Typography.Title level={3}>{t('notifications')}</Typography.Title>
      <Segmented<'unread' | 'all'>
        style={{ marginBottom: 16 }}
        value={filter}
        onChange={setFilter}
        aria-label={t('notifications')}
        options={[
          { value: 'unread', label: `${t('unread')}${unread.count !== null ? ` (${unread.count})` : ''}` },
          { value: 'all', label: t('all') },
        ]}
      />
      <AsyncView state={state}>
        {(items) => (
          <List<NotificationItem>
            bordered
            dataSource={items}
            locale={{ emptyText: t('noNotifications') }}
            renderItem={(n) => (
              <List.Item
                data-notification={n.id}
                data-kind={n.kind}
                data-read={!!n.readAt}
                actions={[
                  n.caseId && (
                    <Link key="open" to={`/cases/${n.caseId}`}>
                      {t('openCase')}
                    </Link>
                  ),
                  n.readAt ? (
                    <Typography.Text key="read" type="secondary">
                      {t('readAt', { at: formatTime(n.readAt) })}
                    </Typography.Text>
                  ) : (
                    <Button key="mark" size="small" loading={marking === n.id} onClick={() => void markRead(n.id)}>
                      {t('markRead')}
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      <Tag color={KIND_COLORS[n.kind]}>{n.kind in RUNG_LABELS ? l(RUNG_LABELS[n.kind as RungKind]) : n.kind}</Tag>
                      {n.readAt ? n.title : <strong>{n.title}</strong>}
                    </Space>
                  }
                  description={
                    <>
                      <div>{n.body}</div>
                      <Typography.Text type="secondary">{formatTime(n.createdAt)}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </AsyncView>
    </>
  );
}
