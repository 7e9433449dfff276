import { CASE_LIST_COUNT_LIMIT, type CaseListTotal, type Stage, type SupervisionChannel } from '@dandang/contracts';
import type { DataSource } from 'typeorm';
import { CaseRecordEntity } from '../entities';

export interface CaseListFilter {
  /** Only cases whose org unit lies under this path (the caller's subtree, or a narrower one). */
  orgPath: string;
  stage?: Stage;
  channel?: SupervisionChannel;
  assigneeId?: string;
  /** Only cases about this official (the SUBJECT's own cases). */
  subjectUserId?: string;
  text?: string;
  sort: 'registeredAt' | 'updatedAt' | 'number';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SORT_COLUMNS: Record<CaseListFilter['sort'], string> = {
  registeredAt: 'c.registered_at',
  updatedAt: 'c.updated_at',
  number: 'c.number',
};

/** The inbox shows at most this many cases (the oldest in their stage). */
const TASK_CANDIDATES = 500;

/** What a task needs: the case summary's columns and the state the domain reads (not the summary text, say). */
const TASK_COLUMNS: (keyof CaseRecordEntity)[] = [
  'id', 'number', 'title', 'channel', 'intakeMethod', 'stage', 'orgUnitId', 'subjectName', 'subjectPosition', 'assigneeId',
  'hasPendingApproval', 'receivedAt', 'registeredAt', 'stageEnteredAt', 'updatedAt', 'version', 'state', 'dueAt', 'card', 'supervised',
];

/** LIKE patterns must match the user's text literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export class CaseReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(CaseRecordEntity);
  }

  findById(id: string): Promise<CaseRecordEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** One page, and a total counted up to CASE_LIST_COUNT_LIMIT (a whole subtree is too many rows to count per page). */
  async list(filter: CaseListFilter): Promise<{ items: CaseRecordEntity[] } & CaseListTotal> {
    const count = this.countQuery(filter);
    const [items, [{ n }]] = await Promise.all([this.pageBuilder(filter).getMany(), this.dataSource.query(count.query, count.parameters)]);
    return { items, total: Math.min(n, CASE_LIST_COUNT_LIMIT), totalCapped: n > CASE_LIST_COUNT_LIMIT };
  }

  /** The SQL of a list page, for EXPLAIN in tests and benchmarks. */
  listQuery(filter: CaseListFilter): { query: string; parameters: unknown[] } {
    const [query, parameters] = this.pageBuilder(filter).getQueryAndParameters();
    return { query, parameters };
  }

  /** The SQL of a list's total: one row more than the limit tells a capped total from an exact one. */
  countQuery(filter: CaseListFilter): { query: string; parameters: unknown[] } {
    const [matches, parameters] = this.filterBuilder(filter).select('1').limit(CASE_LIST_COUNT_LIMIT + 1).getQueryAndParameters();
    return { query: `SELECT count(*)::int AS n FROM (${matches}) matches`, parameters };
  }

  private pageBuilder(filter: CaseListFilter) {
    return this.filterBuilder(filter)
      .orderBy(SORT_COLUMNS[filter.sort], filter.order === 'asc' ? 'ASC' : 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
  }

  private filterBuilder(filter: CaseListFilter) {
    const qb = this.repo
      .createQueryBuilder('c')
      .where('c.org_path LIKE :orgPath', { orgPath: `${escapeLike(filter.orgPath)}%` });
    if (filter.stage) qb.andWhere('c.stage = :stage', { stage: filter.stage });
    if (filter.channel) qb.andWhere('c.channel = :channel', { channel: filter.channel });
    if (filter.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.subjectUserId) qb.andWhere('c.subject_user_id = :subjectUserId', { subjectUserId: filter.subjectUserId });
    if (filter.text) {
      // The expression of the trigram index (migration CaseTextSearch), so the index serves the search.
      qb.andWhere(`(c.title || ' ' || c.summary || ' ' || c.number || ' ' || c.subject_name) ILIKE :text`, {
        text: `%${escapeLike(filter.text)}%`,
      });
    }
    return qb;
  }

  /**
   * Open cases in the subtree that might wait on this user, oldest stage first; the domain decides which really do.
   * An officer's come off cases_open_assignee_idx in order; a supervisor's walk cases_open_stage_entered_idx and stop
   * at the limit. Only the columns of a task (its summary and the state the domain reads) are loaded.
   */
  taskCandidates(orgPath: string, userId: string, isSupervisor: boolean, isIntake: boolean): Promise<CaseRecordEntity[]> {
    return this.taskBuilder(orgPath, userId, isSupervisor, isIntake).getMany();
  }

  /** The SQL of taskCandidates, for EXPLAIN in tests and benchmarks. */
  taskCandidatesQuery(orgPath: string, userId: string, isSupervisor: boolean, isIntake: boolean): { query: string; parameters: unknown[] } {
    const [query, parameters] = this.taskBuilder(orgPath, userId, isSupervisor, isIntake).getQueryAndParameters();
    return { query, parameters };
  }

  private taskBuilder(orgPath: string, userId: string, isSupervisor: boolean, isIntake: boolean) {
    return this.repo
      .createQueryBuilder('c')
      .select(TASK_COLUMNS.map((column) => `c.${column}`))
      .where('c.org_path LIKE :orgPath', { orgPath: `${escapeLike(orgPath)}%` })
      // The very predicate of the two partial indexes, so the planner may use them.
      .andWhere("c.stage NOT IN ('CLOSED', 'SERVED', 'SHELVED')")
      .andWhere(
        `(c.assignee_id = :userId${isSupervisor ? " OR c.has_pending_approval OR c.stage = :decided OR (c.assignee_id IS NULL AND c.stage <> 'INTAKE')" : ''}${
          isIntake ? " OR c.stage = 'INTAKE'" : ''
        })`,
        { userId, decided: 'DECIDED' },
      )
      .orderBy('c.stage_entered_at', 'ASC')
      .take(TASK_CANDIDATES);
  }
}
