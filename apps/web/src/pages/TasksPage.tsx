import { Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { Task } from '@dandang/contracts';
import { AsyncView, useAsync } from '../components/async';
import { DeadlineCell, StageTag } from '../components/CaseTags';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';

export function TasksPage() {
  const { t, l } = useLocale();
  const tasks = useAsync((signal) => api<Task[]>('/tasks', { signal }), []);
  return (
    <>
      <Typography.Title level={3}>{t('myTasks')}</Typography.Title>
      <AsyncView state={tasks}>
        {(rows) => (
          <Table<Task>
            rowKey={(r) => r.case.id}
            dataSource={rows}
            size="middle"
            locale={{ emptyText: t('noTasks') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('number'), render: (_, r) => <Link to={`/cases/${r.case.id}`}>{r.case.number}</Link>, width: 150 },
              { title: t('title'), render: (_, r) => r.case.title, ellipsis: true },
              { title: t('stage'), render: (_, r) => <StageTag stage={r.case.stage} />, width: 150 },
              {
                title: t('awaited'),
                render: (_, r) => (
                  <Space size={[0, 4]} wrap>
                    {r.awaitedActions.map((a) => (
                      <Tag key={a.name} color="red">
                        {l(a.label)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { title: t('stageEnteredAt'), render: (_, r) => formatTime(r.case.stageEnteredAt), width: 160 },
              { title: t('deadline'), render: (_, r) => <DeadlineCell caseId={r.case.id} dueAt={r.case.dueAt} card={r.case.card} supervised={r.case.supervised} />, width: 220 },
            ]}
          />
        )}
      </AsyncView>
    </>
  );
}
