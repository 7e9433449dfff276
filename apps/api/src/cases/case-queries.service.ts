import { Injectable } from '@nestjs/common';
import {
  ACTION_SPECS,
  REVIEW_ACTION_SPECS,
  isActionName,
  isReviewActionName,
  stageLabelOf,
  type CaseDetail,
  type CaseList,
  type FaultToleranceReviewView,
  type Label,
  type Stage,
  type Task,
  type TimelineEntry,
} from '@dandang/contracts';
import {
  assertMayFilter,
  assertMaySearch,
  auditReviewView,
  auditTimelineEntry,
  awaitedTasks,
  caseListScope,
  isOfficialConcerned,
  readsAsAuditor,
  subjectMaySeeEvent,
  timelineReader,
  subjectTimelinePart,
  subjectMaySeeReview,
  subjectReviewView,
} from '@dandang/domain';
import { AuditRepository, CaseReadRepository, ReviewRepository } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { CaseAccessService } from '../access/case-access.service';
import { caseListItemFor, caseViewFor, labelled, summaryFor } from './case-view';

const SYSTEM_EVENT_LABELS: Record<string, Label> = {
  registerClue: { zh: '登记线索', en: 'Register clue' },
  deadlineRung: { zh: '期限提醒', en: 'Deadline' },
  deadlineRecounted: { zh: '按新发布节假日重算期限', en: 'Deadline recounted on a newly published calendar' },
  toleranceReviewConcluded: { zh: '容错审查结论', en: 'Fault-tolerance review concluded' },
  appealWindowClosed: { zh: '申诉期届满，决定生效', en: 'Appeal window closed; decision final' },
  caseClosedAfterAppeal: { zh: '申诉复查后结案', en: 'Closed after the appeal' },
};

const labelOf = (action: string): Label | undefined =>
  isActionName(action) ? ACTION_SPECS[action].label : isReviewActionName(action) ? REVIEW_ACTION_SPECS[action].label : SYSTEM_EVENT_LABELS[action];
import type { ListCasesQuery } from './dto/list-cases.query';

/** Reads come from the PostgreSQL read model, never from the workflows. */
@Injectable()
export class CaseQueriesService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly cases: CaseReadRepository,
    private readonly audit: AuditRepository,
    private readonly reviews: ReviewRepository,
  ) {}

  async list(user: AuthUser, query: ListCasesQuery): Promise<CaseList> {
    const text = query.q?.trim() || undefined;
    assertMaySearch(user, text);
    assertMayFilter(user, { channel: query.channel, assignee: query.assignee });
    const scope = caseListScope(user);
    if (!scope) return { items: [], total: 0, totalCapped: false, page: query.page, pageSize: query.pageSize };
    const orgPath = query.orgUnit && !scope.subjectUserId ? await this.access.orgPathWithin(user, query.orgUnit, 'orgUnit') : scope.orgPath;
    const { items, total, totalCapped } = await this.cases.list({
      ...scope,
      orgPath,
      stage: query.stage,
      channel: query.channel,
      assigneeId: query.assignee,
      text,
      sort: query.sort,
      order: query.order,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { items: items.map((r) => caseListItemFor(r, user)), total, totalCapped, page: query.page, pageSize: query.pageSize };
  }

  /** A case by its id or its number. */
  async detail(user: AuthUser, ref: string): Promise<CaseDetail> {
    const record = await this.access.visibleCase(user, ref);
    return caseViewFor(record.state, user, new Date());
  }

  /**
   * Every audit stream of the case (its own and each review's), merged by time: the events that concern the official
   * concerned for them, and for an auditor each event without what anyone wrote.
   */
  async timeline(user: AuthUser, caseId: string): Promise<TimelineEntry[]> {
    const { state } = await this.access.visibleCase(user, caseId);
    const all = await this.audit.listForCase(caseId);
    const reader = timelineReader(state, user.id);
    const events = isOfficialConcerned(user) ? all.filter((e) => subjectMaySeeEvent(e, reader)) : all;
    const entries = events.map((e): TimelineEntry => ({
      stream: e.stream,
      version: e.version,
      action: e.action,
      actionLabel: labelOf(e.action),
      actor: { id: e.actorId, name: e.actorName, role: e.actorRole },
      occurredAt: e.occurredAt.toISOString(),
      reason: e.reason,
      fromStage: e.fromStage,
      toStage: e.toStage,
      // As the case's procedure names it (立案审查调查 / 问责调查).
      toStageLabel: stageLabelOf(e.toStage as Stage, state.procedure),
      payload: e.payload,
      hash: e.hash,
    }));
    if (isOfficialConcerned(user)) return entries.map((e) => ({ ...e, ...subjectTimelinePart(e) }));
    return readsAsAuditor(user) ? entries.map(auditTimelineEntry) : entries;
  }

  /**
   * 容错审查: the reviews of the case with their assessment, recommendation (and its reasons), votes and reasons.
   * The official concerned sees the outcome of their applications only, an auditor the course of each review.
   */
  async faultTolerance(user: AuthUser, caseId: string): Promise<FaultToleranceReviewView[]> {
    const { state } = await this.access.visibleCase(user, caseId);
    const rows = await this.reviews.listForCase(caseId);
    if (isOfficialConcerned(user)) return rows.filter((r) => subjectMaySeeReview(r.state, state, user.id)).map((r) => subjectReviewView(r.state, user.id));
    return rows.map((r) => (readsAsAuditor(user) ? auditReviewView(r.state) : r.state));
  }

  /** 我的待办: open cases in the user's subtree that wait on an action of theirs. */
  async tasks(user: AuthUser): Promise<Task[]> {
    const scope = caseListScope(user);
    // An auditor takes no action on a case, so none waits on them.
    if (!scope || readsAsAuditor(user)) return [];
    const candidates = scope.subjectUserId
      ? (await this.cases.list({ ...scope, sort: 'updatedAt', order: 'desc', page: 1, pageSize: 100 })).items
      : await this.cases.taskCandidates(user.orgPath, user.id, user.roles.includes('SUPERVISOR'), user.roles.includes('INTAKE_OFFICER'), user.roles.includes('TRIAL_OFFICER'));
    return awaitedTasks(candidates, actorOf(user), new Date()).map(({ record, actions }) => ({
      case: summaryFor(record, user),
      awaitedActions: labelled(actions),
    }));
  }

  verifyAudit(user: AuthUser, caseId: string) {
    return this.access.visibleCase(user, caseId).then(() => this.audit.verifyChain(caseId));
  }
}
