import { Injectable } from '@nestjs/common';
import { ACTION_SPECS, STAGE_LABELS, type ActionName } from '@dandang/contracts';
import { taskActions } from '@dandang/domain';
import { AuditRepository, CaseReadRepository, ReporterRepository } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';
import { CaseAccessService } from './case-access.service';
import { toCaseSummary, toCaseView } from './case-view';
import type { ListCasesQuery } from './dto/list-cases.query';

/** Reads come from the PostgreSQL read model, never from the workflows. */
@Injectable()
export class CaseQueriesService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly cases: CaseReadRepository,
    private readonly audit: AuditRepository,
    private readonly reporters: ReporterRepository,
  ) {}

  async list(user: AuthUser, query: ListCasesQuery) {
    const orgPath = query.orgUnit ? await this.access.orgPathWithin(user, query.orgUnit, 'orgUnit') : user.orgPath;
    const { items, total } = await this.cases.list({
      orgPath,
      stage: query.stage,
      channel: query.channel,
      assigneeId: query.assignee,
      text: query.q?.trim() || undefined,
      sort: query.sort,
      order: query.order,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { items: items.map(toCaseSummary), total, page: query.page, pageSize: query.pageSize };
  }

  async detail(user: AuthUser, caseId: string) {
    const record = await this.access.visibleCase(user, caseId);
    const reporter = user.roles.includes('INTAKE_OFFICER') ? await this.reporters.findByCaseId(caseId) : null;
    return toCaseView(record.state, user, new Date(), reporter);
  }

  async timeline(user: AuthUser, caseId: string) {
    await this.access.visibleCase(user, caseId);
    const events = await this.audit.listForCase(caseId);
    return events.map((e) => ({
      version: e.version,
      action: e.action,
      actionLabel: e.action === 'registerClue' ? { zh: '登记线索', en: 'Register clue' } : ACTION_SPECS[e.action as ActionName]?.label,
      actor: { id: e.actorId, name: e.actorName, role: e.actorRole },
      occurredAt: e.occurredAt.toISOString(),
      reason: e.reason,
      fromStage: e.fromStage,
      toStage: e.toStage,
      toStageLabel: STAGE_LABELS[e.toStage as keyof typeof STAGE_LABELS],
      payload: e.payload,
      hash: e.hash,
    }));
  }

  /** 我的待办: open cases in the user's subtree that wait on an action of theirs. */
  async tasks(user: AuthUser) {
    const now = new Date();
    const actor = actorOf(user);
    const candidates = await this.cases.taskCandidates(
      user.orgPath,
      user.id,
      user.roles.includes('SUPERVISOR'),
      user.roles.includes('INTAKE_OFFICER'),
    );
    return candidates
      .map((record) => ({ record, actions: taskActions(record.state, actor, now) }))
      .filter(({ actions }) => actions.length > 0)
      .map(({ record, actions }) => ({
        case: toCaseSummary(record),
        awaitedActions: actions.map((name) => ({ name, label: ACTION_SPECS[name].label })),
      }));
  }

  verifyAudit(user: AuthUser, caseId: string) {
    return this.access.visibleCase(user, caseId).then(() => this.audit.verifyChain(caseId));
  }
}
