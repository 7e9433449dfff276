import { Button, Card, Empty, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { CaseDetail, Task } from '../api/types';
import { AsyncView, useAsync } from '../components/async';
import { StageTag } from '../components/CaseTags';
import { ProposalView } from '../components/ProposalView';
import { useLocale } from '../i18n/locale';

/**
 * 审批: the proposals that wait on this supervisor (tasks whose awaited action is `approve`), each with its
 * content. The fault-tolerance assessment and its recommended outcome join each card with that issue.
 */
export function ApprovalsPage() {
  const { t } = useLocale();
  const queue = useAsync(async (signal) => {
    const tasks = await api<Task[]>('/tasks', { signal });
    const pending = tasks.filter((task) => task.awaitedActions.some((a) => a.name === 'approve'));
    return Promise.all(pending.map((task) => api<CaseDetail>(`/cases/${task.case.id}`, { signal })));
  }, []);
  return (
    <>
      <Typography.Title level={3}>{t('approvalsQueue')}</Typography.Title>
      <AsyncView state={queue} isEmpty={(rows) => rows.length === 0} empty={<Empty description={t('noApprovals')} />}>
        {(rows) => (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {rows.map((c) => (
              <Card
                key={c.id}
                size="small"
                data-approval-case={c.id}
                title={
                  <Space>
                    <Link to={`/cases/${c.id}`}>{c.number}</Link>
                    {c.title}
                    <StageTag stage={c.stage} />
                  </Space>
                }
                extra={
                  <Link to={`/cases/${c.id}`}>
                    <Button type="primary" size="small" tabIndex={-1}>
                      {t('open')}
                    </Button>
                  </Link>
                }
              >
                {c.pendingApproval && <ProposalView proposal={c.pendingApproval} />}
              </Card>
            ))}
          </Space>
        )}
      </AsyncView>
    </>
  );
}
