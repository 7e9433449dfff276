import { Button, Card, Empty, Space, Typography } from 'antd';
import type { ReviewState } from '@dandang/contracts';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { CaseDetail, CaseList, PendingReveal, Task } from '@dandang/contracts';
import { AssessmentSideBySide } from '../fault-tolerance/AssessmentView';
import { VotesTable } from '../fault-tolerance/ReviewPanel';
import { AsyncView, useAsync } from '../components/async';
import { StageTag } from '../components/CaseTags';
import { ProposalView } from '../components/ProposalView';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';

/**
 * Fault-tolerance reviews assessed and waiting for the determining supervisors, on cases under investigation.
 * The API has no queue of its own for them (tasks list case actions only): this reads the cases with an open
 * review (at most 50) and their reviews.
 */
async function loadDeterminations(signal: AbortSignal): Promise<{ detail: CaseDetail; review: ReviewState }[]> {
  const list = await api<CaseList>('/cases?stage=INVESTIGATION&pageSize=50', { signal });
  const details = await Promise.all(list.items.map((c) => api<CaseDetail>(`/cases/${c.id}`, { signal })));
  const open = details.filter((d) => d.reviews?.some((r) => r.status === 'OPEN'));
  const reviews = await Promise.all(open.map((d) => api<ReviewState[]>(`/cases/${d.id}/fault-tolerance`, { signal })));
  return open.flatMap((detail, i) => reviews[i].filter((r) => r.status === 'ASSESSED').map((review) => ({ detail, review })));
}

type HandlersDetail = Exclude<CaseDetail, { view: 'audit' }>;

/**
 * 审批: the proposals that wait on this supervisor (tasks whose awaited action is `approve`), each with its
 * content; then the fault-tolerance determinations, each assessment beside its recommended outcome and reasons.
 */
export function ApprovalsPage() {
  const { t } = useLocale();
  const queue = useAsync(async (signal) => {
    const tasks = await api<Task[]>('/tasks', { signal });
    const pending = tasks.filter((task) => task.awaitedActions.some((a) => a.name === 'approve'));
    // Only a supervisor has approvals, and a supervisor reads the handlers' view (never an auditor's).
    return Promise.all(pending.map((task) => api<HandlersDetail>(`/cases/${task.case.id}`, { signal })));
  }, []);
  const determinations = useAsync((signal) => loadDeterminations(signal), []);
  const reveals = useAsync((signal) => api<PendingReveal[]>('/reporter-reveals', { signal }), []);
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
      <Typography.Title level={3} style={{ marginTop: 24 }}>
        {t('revealQueue')}
      </Typography.Title>
      <AsyncView state={reveals} isEmpty={(rows) => rows.length === 0} empty={<Empty description={t('noRevealRequests')} />}>
        {(rows) => (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {rows.map((r) => (
              <Card
                key={`${r.caseId}-${r.request.seq}`}
                size="small"
                data-reveal-case={r.caseId}
                title={
                  <Space>
                    <Link to={`/cases/${r.caseId}`}>{r.number}</Link>
                    {r.title}
                    <StageTag stage={r.stage} />
                  </Space>
                }
                extra={
                  <Link to={`/cases/${r.caseId}`}>
                    <Button type="primary" size="small" tabIndex={-1}>
                      {t('open')}
                    </Button>
                  </Link>
                }
              >
                <Typography.Paragraph>
                  {r.request.requestedByName}（{formatTime(r.request.requestedAt)}）：{r.request.reason}
                </Typography.Paragraph>
              </Card>
            ))}
          </Space>
        )}
      </AsyncView>
      <Typography.Title level={3} style={{ marginTop: 24 }}>
        {t('reviewAwaiting')}
      </Typography.Title>
      <AsyncView state={determinations} isEmpty={(rows) => rows.length === 0} empty={<Empty description={t('noDeterminations')} />}>
        {(rows) => (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {rows.map(({ detail, review }) => (
              <Card
                key={review.reviewId}
                size="small"
                data-determination-case={detail.id}
                title={
                  <Space>
                    <Link to={`/cases/${detail.id}`}>{detail.number}</Link>
                    {detail.title}
                    {t('ftReview', { seq: String(review.seq) })}
                  </Space>
                }
                extra={
                  <Link to={`/cases/${detail.id}`}>
                    <Button type="primary" size="small" tabIndex={-1}>
                      {t('open')}
                    </Button>
                  </Link>
                }
              >
                <Typography.Paragraph>
                  {review.applicant.name}：{review.reasons}
                </Typography.Paragraph>
                {review.assessment && (
                  <AssessmentSideBySide assessment={review.assessment} recommendation={review.recommendation} exclusions={review.policy.exclusions} />
                )}
                <VotesTable review={review} />
              </Card>
            ))}
          </Space>
        )}
      </AsyncView>
    </>
  );
}
