import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import {
  APPLICANT_KINDS,
  FAULT_TOLERANCE_OUTCOMES,
  MITIGATION_KINDS,
  REVIEW_ACTION_SPECS,
  type DeterminationVote,
  type ReviewActionName,
  type ReviewState,
  type ReviewStatus,
} from '@dandang/contracts';
import { api } from '../api/client';
import type { CaseDetail } from '@dandang/contracts';
import { useSession } from '../auth/session';
import { ActionForm } from '../components/ActionForm';
import { AsyncView, useAsync } from '../components/async';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentSideBySide } from './AssessmentView';

/** The review steps that may come next in each status; the server decides who may take them. */
const NEXT_STEPS: Record<ReviewStatus, ReviewActionName[]> = {
  APPLIED: ['acceptApplication', 'declineApplication'],
  // Verification may be extended once on approval, while it runs on a clock (the server refuses otherwise).
  ACCEPTED: ['submitAssessment', 'extendVerification'],
  ASSESSED: ['determineTolerance'],
  DETERMINED: ['notifyApplicant'],
  NOTIFIED: ['fileForRecord'],
  DECLINED: [],
  FILED: [],
};

/** 容错审查 of a case: every review with its assessment beside the recommendation, votes and next steps. */
export function ReviewPanel({ detail, onChanged }: { detail: CaseDetail; onChanged(): void }) {
  const { t } = useLocale();
  const reviews = useAsync((signal) => api<ReviewState[]>(`/cases/${detail.id}/fault-tolerance`, { signal }), [detail.id, detail.version]);
  if (detail.reviews.length === 0) return null;
  return (
    <Card size="small" title={t('ftTitle')} style={{ marginBottom: 16 }} data-testid="fault-tolerance">
      <AsyncView state={reviews} isEmpty={(rows) => rows.length === 0} empty={<Empty description={t('ftNoReviews')} />}>
        {(rows) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {rows.map((r) => (
              <ReviewCard
                key={r.reviewId}
                detail={detail}
                review={r}
                onChanged={() => {
                  reviews.reload();
                  onChanged();
                }}
              />
            ))}
          </Space>
        )}
      </AsyncView>
    </Card>
  );
}

export function VotesTable({ review }: { review: ReviewState }) {
  const { t, l } = useLocale();
  if (review.votes.length === 0) return null;
  return (
    <Table<DeterminationVote>
      size="small"
      rowKey="voterId"
      pagination={false}
      title={() => t('ftVotes')}
      dataSource={review.votes}
      columns={[
        { title: 'ID', dataIndex: 'voterId', width: 300 },
        {
          title: t('ftDetermination'),
          render: (_, v) => (
            <>
              {l(FAULT_TOLERANCE_OUTCOMES[v.outcome])}
              {v.mitigation ? `（${l(MITIGATION_KINDS[v.mitigation])}）` : ''}
              {review.recommendation && (v.outcome !== review.recommendation.outcome || v.mitigation !== review.recommendation.mitigation) && (
                <Tag color="orange" style={{ marginLeft: 4 }}>
                  {t('ftDeparts')}
                </Tag>
              )}
            </>
          ),
        },
        { title: t('reason'), render: (_, v) => v.reason ?? '—' },
      ]}
    />
  );
}

function ReviewCard({ detail, review, onChanged }: { detail: CaseDetail; review: ReviewState; onChanged(): void }) {
  const { t, l } = useLocale();
  const { user, hasRole } = useSession();
  const [open, setOpen] = useState<ReviewActionName | null>(null);
  const steps = hasRole('SUBJECT') ? [] : NEXT_STEPS[review.status];
  const done = () => {
    setOpen(null);
    onChanged();
  };
  return (
    <Card type="inner" size="small" title={t('ftReview', { seq: String(review.seq) })} extra={<Tag data-review-status={review.status}>{review.status}</Tag>} data-review={review.reviewId}>
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'applicant', label: t('ftApplicant'), children: `${review.applicant.name}（${l(APPLICANT_KINDS[review.applicant.kind])}）` },
          { key: 'at', label: t('proposedAt'), children: formatTime(review.appliedAt) },
          { key: 'reasons', label: t('ftReasons'), children: review.reasons, span: 2 },
          ...(review.determination
            ? [
                {
                  key: 'det',
                  label: t('ftDetermination'),
                  children: `${l(FAULT_TOLERANCE_OUTCOMES[review.determination.outcome])}${review.determination.mitigation ? `（${l(MITIGATION_KINDS[review.determination.mitigation])}）` : ''}`,
                },
              ]
            : []),
          ...(review.decline ? [{ key: 'decl', label: l(REVIEW_ACTION_SPECS.declineApplication.label), children: review.decline.explanation, span: 2 }] : []),
        ]}
      />
      {review.assessment && (
        <div style={{ marginTop: 8 }}>
          <AssessmentSideBySide assessment={review.assessment} recommendation={review.recommendation} exclusions={review.policy.exclusions} />
        </div>
      )}
      <VotesTable review={review} />
      {steps.length > 0 && (
        <Space style={{ marginTop: 8 }} wrap>
          {steps.map((s) => (
            <Button key={s} type={open === s ? 'primary' : 'default'} onClick={() => setOpen(s)} data-review-action={s}>
              {l(REVIEW_ACTION_SPECS[s].label)}
            </Button>
          ))}
        </Space>
      )}
      {open === 'submitAssessment' && (
        <div style={{ marginTop: 8 }}>
          <AssessmentForm caseId={detail.id} reviewId={review.reviewId} exclusions={review.policy.exclusions} onDone={done} onCancel={() => setOpen(null)} />
        </div>
      )}
      {open && open !== 'submitAssessment' && user && (
        <div style={{ marginTop: 8 }}>
          <ActionForm
            key={`${open}-${review.version}`}
            caseDetail={detail}
            action={open}
            spec={REVIEW_ACTION_SPECS[open]}
            extraBody={{ reviewId: review.reviewId }}
            selfId={user.id}
            onCancel={() => setOpen(null)}
            onDone={done}
          />
        </div>
      )}
    </Card>
  );
}
