import { List, Result, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Label } from '@dandang/contracts';
import { ApiError, api } from '../api/client';
import type { NotificationItem } from '../api/types';
import { AsyncView, useAsync } from '../components/async';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';

/** GET /api/notifications once the API has it; until then (404) an empty state says so. */
export function NotificationsPage() {
  const { t, l } = useLocale();
  const state = useAsync(async (signal) => {
    try {
      const body = await api<NotificationItem[] | { items: NotificationItem[] }>('/notifications', { signal });
      return { available: true, items: Array.isArray(body) ? body : (body.items ?? []) };
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return { available: false, items: [] as NotificationItem[] };
      throw e;
    }
  }, []);
  const text = (v: string | Label | undefined) => (typeof v === 'string' ? v : l(v));
  return (
    <>
      <Typography.Title level={3}>{t('notifications')}</Typography.Title>
      <AsyncView state={state}>
        {({ available, items }) =>
          !available ? (
            <Result status="info" title={t('noNotifications')} subTitle={t('notificationsLater')} />
          ) : (
            <List<NotificationItem>
              bordered
              dataSource={items}
              locale={{ emptyText: t('noNotifications') }}
              renderItem={(n) => (
                <List.Item extra={formatTime(n.createdAt)}>
                  <List.Item.Meta
                    title={n.caseId ? <Link to={`/cases/${n.caseId}`}>{text(n.title)}</Link> : text(n.title)}
                    description={text(n.message)}
                  />
                </List.Item>
              )}
            />
          )
        }
      </AsyncView>
    </>
  );
}
