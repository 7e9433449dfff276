import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  APPLICANT_KINDS,
  CASE_PROCEDURES,
  CLOSURE_KINDS,
  FAULT_TOLERANCE_OUTCOMES,
  CLUE_DISPOSITIONS,
  EVIDENCE_KINDS,
  CORRECTION_GROUNDS,
  DECISION_CORRECTIONS,
  INQUIRY_MODES,
  INQUIRY_OUTCOMES,
  REPORTER_NOTICES,
  REPORTER_NOTICE_METHODS,
  INTAKE_METHODS,
  NO_ACCOUNTABILITY_OUTCOMES,
  SERVICE_METHODS,
  SHELVED_REVIEW_DECISIONS,
  STAGE_LABELS,
  VERIFICATION_FINDINGS,
  UPLOAD_ACTIONS,
  isCaseNumber,
  type ActionName,
  type AuditCaseView,
  type AuditReviewView,
  type EvidenceItem,
  type Stage,
} from '@dandang/contracts';
import { api, query } from '../api/client';
import type { CaseDetail, TimelineEntry } from '@dandang/contracts';
import { useSession } from '../auth/session';
import { ActionForm } from '../components/ActionForm';
import { AsyncView, useAsync } from '../components/async';
import { ChannelText, DeadlineCell, StageTag, UnpublishedYearsWarning } from '../components/CaseTags';
import { useDirectoryUsers } from '../components/DirectoryPickers';
import { FormsList, GroundsList } from '../components/FormsList';
import { ProposalView } from '../components/ProposalView';
import { REVEAL_ACTIONS, ReporterPanel } from '../components/ReporterIdentity';
import { DocumentsPanel } from '../components/DocumentsPanel';
import { EvidencePanel } from '../components/EvidencePanel';
import { ReviewPanel } from '../fault-tolerance/ReviewPanel';
import { StagePath } from '../components/StagePath';
import { TimelineView } from '../components/TimelineView';
import { CaseExtras } from '../components/CaseExtras';
import { casePersons } from '../components/PersonSelect';
import { ProcedurePanels } from '../components/ProcedurePanels';
import { filedAppeals } from '@dandang/domain';
import { formatTime } from '../format';
import { useLocale } from '../i18n/locale';

interface Loaded {
  detail: CaseDetail;
  timeline: TimelineEntry[];
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useLocale();
  return (
    <>
      <Link to="/cases">← {t('cases')}</Link>
      {!isCaseNumber(id) && <CaseExtras id={id} />}
      {isCaseNumber(id) ? <CaseByNumber number={id} /> : <CaseById id={id} />}
    </>
  );
}

/** A case named by its number (DD-2026-000001), as notices and papers quote it: shown at the case's own address. */
function CaseByNumber({ number }: { number: string }) {
  const navigate = useNavigate();
  const found = useAsync((signal) => api<CaseDetail>(`/cases/${encodeURIComponent(number)}`, { signal }), [number]);
  useEffect(() => {
    if (found.data) void navigate(`/cases/${found.data.id}`, { replace: true });
  }, [found.data, navigate]);
  return <AsyncView state={found}>{() => null}</AsyncView>;
}

function CaseById({ id }: { id: string }) {
  const state = useAsync(
    async (signal): Promise<Loaded> => {
      const [detail, timeline] = await Promise.all([
        api<CaseDetail>(`/cases/${id}`, { signal }),
        api<TimelineEntry[]>(`/cases/${id}/timeline`, { signal }),
      ]);
      return { detail, timeline };
    },
    [id],
  );
  return (
    <AsyncView state={state}>
      {(data) =>
        'view' in data.detail ? (
          <AuditView detail={data.detail} timeline={data.timeline} />
        ) : (
          <CaseView detail={data.detail} timeline={data.timeline} reload={state.reload} />
        )
      }
    </AsyncView>
  );
}

/**
 * What an auditor reads of a case (三员分立): its course, the timeline without what was written, the reviews' steps
 * and the verification of its audit trail; never its content or the reporter.
 */
function AuditView({ detail, timeline }: { detail: AuditCaseView; timeline: TimelineEntry[] }) {
  const { t, l } = useLocale();
  const users = new Map((useDirectoryUsers().items ?? []).map((u) => [u.id, u.displayName]));
  const who = (id: string | null) => (id ? (users.get(id) ?? id) : '—');
  const reviews = useAsync((signal) => api<AuditReviewView[]>(`/cases/${detail.id}/fault-tolerance`, { signal }), [detail.id, detail.version]);
  const [trail, setTrail] = useState<{ valid: boolean; events: number; brokenAt?: { problem: string } } | null>(null);
  const verify = async () => setTrail(await api(`/audit/verify${query({ caseId: detail.id })}`));
  return (
    <div data-case-id={detail.id} data-version={detail.version} data-view="audit">
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {detail.number} <StageTag stage={detail.stage} />
      </Typography.Title>
      <Alert type="info" showIcon title={t('auditView')} style={{ marginBottom: 16 }} />
      <Card size="small" title={t('caseDetail')} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'received', label: t('receivedAt'), children: formatTime(detail.receivedAt) },
            { key: 'registered', label: t('registeredAt'), children: formatTime(detail.registeredAt) },
            { key: 'by', label: t('registeredBy'), children: who(detail.registeredBy) },
            { key: 'assignee', label: t('assignee'), children: who(detail.assigneeId) },
            { key: 'entered', label: t('stageEnteredAt'), children: formatTime(detail.stageEnteredAt) },
            { key: 'policy', label: t('policyVersion'), children: detail.policyVersion },
            { key: 'deadline', label: t('deadline'), children: <DeadlineCell caseId={detail.id} dueAt={detail.deadline?.dueAt ?? null} card={detail.deadline?.card} supervised={detail.deadline?.supervised} />, span: 2 },
            ...(detail.pendingApproval
              ? [{ key: 'pending', label: t('proposal'), children: `${detail.pendingApproval.proposedByName} · ${formatTime(detail.pendingApproval.proposedAt)}`, span: 2 }]
              : []),
            ...(detail.closure ? [{ key: 'closure', label: t('closure'), children: `${l(CLOSURE_KINDS[detail.closure.kind])} · ${formatTime(detail.closure.at)}` }] : []),
          ]}
        />
      </Card>
      {detail.reviews.length > 0 && (
        <AsyncView state={reviews}>
          {(rows) => (
            <Card size="small" title={t('ftTitle')} style={{ marginBottom: 16 }}>
              <Table<AuditReviewView>
                rowKey="reviewId"
                size="small"
                pagination={false}
                dataSource={rows}
                columns={[
                  { title: '#', dataIndex: 'seq', width: 50 },
                  { title: t('ftApplicant'), render: (_, r) => l(APPLICANT_KINDS[r.applicant.kind]) },
                  { title: t('ftStatus'), render: (_, r) => <Tag>{r.status}</Tag> },
                  { title: t('ftVotes'), render: (_, r) => r.votes.map((v) => `${who(v.voterId)}: ${l(FAULT_TOLERANCE_OUTCOMES[v.outcome])}`).join('；') },
                  { title: t('ftDetermination'), render: (_, r) => (r.determination ? l(FAULT_TOLERANCE_OUTCOMES[r.determination.outcome]) : '—') },
                ]}
              />
            </Card>
          )}
        </AsyncView>
      )}
      <Card
        size="small"
        title={t('timeline')}
        extra={
          <Button size="small" onClick={() => void verify()} data-testid="verify-trail">
            {t('verifyTrail')}
          </Button>
        }
      >
        {trail && (
          <Alert
            type={trail.valid ? 'success' : 'error'}
            showIcon
            title={trail.valid ? t('trailIntact', { n: String(trail.events) }) : t('trailBroken', { problem: trail.brokenAt?.problem ?? '' })}
            style={{ marginBottom: 12 }}
          />
        )}
        <Typography.Paragraph type="secondary">{t('auditWithheld')}</Typography.Paragraph>
        <TimelineView entries={timeline} />
      </Card>
    </div>
  );
}

/** The case as those who handle it, or the official concerned, see it (an auditor's view is AuditView). */
type HandlersDetail = Exclude<CaseDetail, { view: 'audit' }>;

function CaseView({ detail, timeline, reload }: { detail: HandlersDetail; timeline: TimelineEntry[]; reload(): void }) {
  const { t, l } = useLocale();
  const { user } = useSession();
  const [open, setOpen] = useState<ActionName | null>(null);
  // The reveal's steps are in the reporter's panel.
  // Evidence files come with their upload (POST /cases/:id/evidence), never as a typed form.
  const caseActions = detail.availableActions.filter((a) => !REVEAL_ACTIONS.includes(a.name) && !UPLOAD_ACTIONS.includes(a.name));
  const visited = timeline
    .filter((e) => !e.stream || e.stream === 'case')
    .flatMap((e) => [e.fromStage, e.toStage])
    .filter((s): s is Stage => !!s && s in STAGE_LABELS);
  // Evidence registered by description alone, before evidence files: listed beside the files.
  const unfiled = (detail.evidence ?? []).filter((e) => !e.file);

  return (
    <div data-case-id={detail.id} data-version={detail.version}>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {detail.number} {detail.title} <StageTag stage={detail.stage} label={detail.stageLabel} />
      </Typography.Title>
      <UnpublishedYearsWarning deadline={detail.deadline ?? null} />
      <Card size="small" title={t('stagePath')} style={{ marginBottom: 16 }}>
        <StagePath visited={visited} current={detail.stage} procedure={detail.procedure} trial={!!detail.trial} />
      </Card>
      <Row gutter={16}>
        <Col span={16}>
          <Card size="small" title={t('caseDetail')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'channel', label: t('channel'), children: <ChannelText channel={detail.channel} /> },
                { key: 'method', label: t('intakeMethod'), children: detail.intakeMethod ? l(INTAKE_METHODS[detail.intakeMethod]) : null },
                ...(detail.procedure ? [{ key: 'procedure', label: t('procedure'), children: <span data-procedure={detail.procedure}>{l(CASE_PROCEDURES[detail.procedure])}</span> }] : []),
                { key: 'subject', label: detail.personTerm ? l(detail.personTerm) : t('subject'), children: `${detail.subject.name}（${detail.subject.position}）` },
                { key: 'received', label: t('receivedAt'), children: formatTime(detail.receivedAt) },
                { key: 'entered', label: t('stageEnteredAt'), children: formatTime(detail.stageEnteredAt) },
                { key: 'deadline', label: t('deadline'), children: <DeadlineCell caseId={detail.id} deadline={detail.deadline ?? null} procedure={detail.procedure} />, span: 2 },
                { key: 'anon', label: t('anonymous'), children: detail.anonymousReport ? t('yes') : t('no') },
                { key: 'summary', label: t('summary'), children: detail.summary, span: 2 },
              ]}
            />
          </Card>
          {detail.pendingApproval && (
            <Card size="small" title={t('proposal')} style={{ marginBottom: 16 }}>
              <ProposalView proposal={detail.pendingApproval} persons={casePersons(detail)} />
            </Card>
          )}
          {detail.lastReturn && !detail.pendingApproval && (
            <Alert type="warning" showIcon title={t('returned')} description={detail.lastReturn.reason} style={{ marginBottom: 16 }} />
          )}
          <Outcomes detail={detail} />
          <ProcedurePanels detail={detail} />
          {user && <ReporterPanel detail={detail} selfId={user.id} onChanged={reload} />}
          <ReviewPanel detail={detail} onChanged={reload} />
          {detail.reporter && <DocumentsPanel caseId={detail.id} version={detail.version} persons={detail.persons ?? []} decided={(detail.personDecisions ?? []).map((d) => d.personId)} appealsDecided={filedAppeals('personAppeals' in detail ? detail : {}).filter((a) => a.decision).map((a) => a.personId)} />}
          {/* Evidence files for those who may read them; the recorded items (no files) for the others. */}
          <EvidencePanel
            caseId={detail.id}
            version={detail.version}
            canUpload={detail.availableActions.some((a) => a.name === 'attachEvidence')}
            unfiled={unfiled.length > 0 ? <EvidenceItems items={unfiled} /> : null}
            fallback={
              <Card size="small" title={t('evidence')} style={{ marginBottom: 16 }}>
                <EvidenceItems items={detail.evidence ?? []} />
              </Card>
            }
          />
          <Card size="small" title={t('timeline')}>
            <TimelineView entries={timeline} procedure={detail.procedure} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title={t('actions')} style={{ position: 'sticky', top: 0 }}>
            {caseActions.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noActions')} />
            ) : (
              <Space wrap style={{ marginBottom: 12 }}>
                {caseActions.map((a) => (
                  <Button key={a.name} type={open === a.name ? 'primary' : 'default'} onClick={() => setOpen(a.name)} data-action={a.name}>
                    {l(a.label)}
                  </Button>
                ))}
              </Space>
            )}
            {open && user && (
              <ActionForm
                key={`${open}-${detail.version}`}
                caseDetail={detail}
                action={open}
                selfId={user.id}
                onCancel={() => setOpen(null)}
                onDone={() => {
                  setOpen(null);
                  reload();
                }}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** What has been decided on the case so far. */
function Outcomes({ detail }: { detail: CaseDetail }) {
  const { t, l } = useLocale();
  const items = [
    detail.disposition && { key: 'disposition', label: l(CLUE_DISPOSITIONS[detail.disposition.disposition]), children: detail.disposition.reason },
    ...(('inquiryRounds' in detail ? detail.inquiryRounds : undefined) ?? []).map((r) => ({
      key: `inquiry-round-${r.seq}`,
      label: `${t('inquiryRound')} ${r.seq}${r.mode ? ` · ${l(INQUIRY_MODES[r.mode])}` : ''}`,
      children: [
        r.talk && `${formatTime(r.talk.heldAt)} ${r.talk.note}`,
        r.letter && `${t('letterSent')} ${formatTime(r.letter.sentAt)}`,
        r.letter?.receivedAt && `${t('letterReceived')} ${formatTime(r.letter.receivedAt)}`,
        r.letter?.reply && `${t('replyReceived')} ${formatTime(r.letter.reply.receivedAt)}：${r.letter.reply.summary}`,
        r.conclusion && l(INQUIRY_OUTCOMES[r.conclusion.outcome]),
      ].filter(Boolean).join(' · '),
    })),
    detail.inquiry && { key: 'inquiry', label: l(INQUIRY_OUTCOMES[detail.inquiry.outcome]), children: detail.inquiry.reason },
    detail.verification && { key: 'verification', label: l(VERIFICATION_FINDINGS[detail.verification.finding]), children: detail.verification.summary },
    // With a decision per person (ProcedurePanels), the single decision is only the first person's.
    detail.decision && !detail.personDecisions?.length ? { key: 'decision', label: <FormsList forms={detail.decision.forms} />, children: detail.decision.facts } : undefined,
    detail.noAccountability && {
      key: 'noAccountability',
      label: l(NO_ACCOUNTABILITY_OUTCOMES[detail.noAccountability.outcome]),
      children: (
        <span data-no-accountability={detail.noAccountability.outcome}>
          {detail.noAccountability.grounds && <GroundsList grounds={detail.noAccountability.grounds} />}
          {'reason' in detail.noAccountability ? detail.noAccountability.reason : formatTime(detail.noAccountability.approvedAt)}
        </span>
      ),
    },
    ...(('shelvedReviews' in detail ? detail.shelvedReviews : undefined) ?? []).map((r, i) => ({ key: `shelved-${i}`, label: `${t('shelvedReview')} · ${l(SHELVED_REVIEW_DECISIONS[r.decision])}`, children: `${r.reason} · ${formatTime(r.at)}` })),
    detail.service && { key: 'service', label: l(SERVICE_METHODS[detail.service.method]), children: formatTime(detail.service.servedAt) },
    detail.transfer && { key: 'transfer', label: detail.transfer.toBody, children: detail.transfer.reason },
    ...(('correctionOrders' in detail ? detail.correctionOrders : undefined) ?? []).map((o, i) => ({
      key: `correction-order-${i}`,
      label: t('correctionOrdered'),
      children: `${o.grounds.map((g) => l(CORRECTION_GROUNDS[g])).join('、')}：${o.reason}${o.correction ? ` → ${l(DECISION_CORRECTIONS[o.correction.outcome])}` : ''}`,
    })),
    detail.closure && { key: 'closure', label: l(CLOSURE_KINDS[detail.closure.kind]), children: formatTime(detail.closure.at) },
    ...(('reporterNotices' in detail ? detail.reporterNotices : undefined) ?? []).map((n) => ({
      key: `reporter-notice-${n.kind}`,
      label: l(REPORTER_NOTICES[n.kind]),
      children: (
        <span data-reporter-notice={n.kind} data-told={Boolean(n.record)}>
          {n.record
            ? `${l(REPORTER_NOTICE_METHODS[n.record.method])} · ${formatTime(n.record.notifiedAt)}${n.record.objection ? ` · ${t('objection')}：${n.record.objection}` : ''}`
            : `${t('dueBy')} ${formatTime(n.deadline.dueAt)}`}
        </span>
      ),
    })),
    'nameClearing' in detail && detail.nameClearing?.status === 'DUE' ? { key: 'nameClearing', label: t('nameClearingDue'), children: <span data-name-clearing="DUE">{t('yes')}</span> } : undefined,
    'startOrder' in detail && detail.startOrder
      ? { key: 'startOrder', label: t('startOrdered'), children: <span data-start-order>{`${detail.startOrder.reason} · ${formatTime(detail.startOrder.at)}`}</span> }
      : undefined,
    'exemptionNotice' in detail && detail.exemptionNotice
      ? {
          key: 'exemptionNotice',
          label: t('exemptionNotice'),
          children: (
            <span data-exemption-notice={detail.exemptionNotice.record ? 'RECORDED' : 'DUE'}>
              {detail.exemptionNotice.record
                ? `${detail.exemptionNotice.record.scope} · ${formatTime(detail.exemptionNotice.record.notifiedAt)}`
                : detail.exemptionNotice.deadline
                  ? `${t('dueBy')} ${formatTime(detail.exemptionNotice.deadline.dueAt)}`
                  : t('owed')}
            </span>
          ),
        }
      : undefined,
  ].filter((x): x is NonNullable<typeof x> => !!x);
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('outcome')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} items={items} />
    </Card>
  );
}

/** Evidence items as the case records them: kind, description, SHA-256 and when. */
function EvidenceItems({ items }: { items: EvidenceItem[] }) {
  const { t, l } = useLocale();
  return (
    <Table<EvidenceItem>
      rowKey="seq"
      size="small"
      pagination={false}
      dataSource={items}
      locale={{ emptyText: t('empty') }}
      columns={[
        { title: '#', dataIndex: 'seq', width: 50 },
        { title: t('kind'), render: (_, e) => l(EVIDENCE_KINDS[e.kind]), width: 140 },
        { title: t('description'), dataIndex: 'description' },
        { title: 'SHA-256', render: (_, e) => (e.sha256 ? <code>{e.sha256.slice(0, 12)}…</code> : '—'), width: 130 },
        { title: t('addedAt'), render: (_, e) => formatTime(e.addedAt), width: 150 },
      ]}
    />
  );
}
