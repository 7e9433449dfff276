import { CASE_LIST_COUNT_LIMIT, caseCountLimit, type CaseListTotal, type Stage, type SupervisionChannel } from '@dandang/contracts';
import type { DataSource, Repository } from 'typeorm';
import { CaseRecordEntity } from '../entities';
import { caseScopeSql, escapeLike, recusedSql } from './case-sight.sql';
import { pairPattern } from './search-pairs';

export interface CaseListFilter {
  /** Only cases whose org unit lies under this path (the caller's subtree, or a narrower one). */
  orgPath: string;
  stage?: Stage;
  channel?: SupervisionChannel;
  assigneeId?: string;
  /** Only the cases about this official that they were told of (the SUBJECT's own cases). */
  subjectUserId?: string;
  /** Not the cases this user is recused from, nor those about them. */
  notRecused?: string;
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

/** A candidate task: the columns of a case summary and the state the domain reads (not the summary text, say). */
export type TaskCandidate = Pick<
  CaseRecordEntity,
  | 'id' | 'number' | 'title' | 'channel' | 'intakeMethod' | 'stage' | 'orgUnitId' | 'subjectName' | 'subjectPosition' | 'assigneeId'
  | 'hasPendingApproval' | 'receivedAt' | 'registeredAt' | 'stageEnteredAt' | 'updatedAt' | 'version' | 'state' | 'dueAt' | 'card' | 'supervised'
>;

const TASK_COLUMNS = `id, number, title, channel, intake_method AS "intakeMethod", stage, org_unit_id AS "orgUnitId",
  subject_name AS "subjectName", subject_position AS "subjectPosition", assignee_id AS "assigneeId",
  has_pending_approval AS "hasPendingApproval", received_at AS "receivedAt", registered_at AS "registeredAt",
  stage_entered_at AS "stageEnteredAt", updated_at AS "updatedAt", version, state, due_at AS "dueAt", card, supervised`;

/** Enough for an exact bitmap of some 200,000 matches (a two-character term in a fifth of a million cases). */
const SEARCH_COUNT_WORK_MEM = '32MB';

/** What text search looks in: one expression, the one the search indexes are built on. */
const SEARCHED = `(c.title || ' ' || c.summary || ' ' || c.number || ' ' || c.subject_name || ' ' || c.attached_text)`;


export class CaseReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(CaseRecordEntity);
  }

  findById(id: string): Promise<CaseRecordEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** By 线索编号 (unique). */
  findByNumber(number: string): Promise<CaseRecordEntity | null> {
    return this.repo.findOne({ where: { number } });
  }

  /** One page, and a total counted up to caseCountLimit (a whole subtree is too many rows to count per page). */
  async list(filter: CaseListFilter): Promise<{ items: CaseRecordEntity[] } & CaseListTotal> {
    if (filter.text) return this.search(filter);
    const [items, n] = await Promise.all([this.pageBuilder(filter).getMany(), this.countMatches(filter, (q, p) => this.dataSource.query(q, p))]);
    return { items, total: Math.min(n, CASE_LIST_COUNT_LIMIT), totalCapped: n > CASE_LIST_COUNT_LIMIT };
  }

  /**
   * A text search, with plans that do not follow the planner's guess of how often a term occurs: that guess comes from
   * a sample of the searched text and flipped between runs, and for a rare term guessed frequent it walked every case.
   * So the count always reads a bitmap of the search index's matches (sequential scans and index walks are off), and
   * the count decides the page: a rare term (counted under the limit) sorts its few matches, a frequent one walks
   * registered_at newest first, where matches come soon. A frequent term's bitmap outgrows the default work_mem and
   * turns lossy, hence more.
   */
  private search(filter: CaseListFilter): Promise<{ items: CaseRecordEntity[] } & CaseListTotal> {
    return this.dataSource.transaction(async (manager) => {
      // One round trip: a statement without parameters may hold several.
      await manager.query(`SET LOCAL work_mem = '${SEARCH_COUNT_WORK_MEM}'; SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off`);
      const n = await this.countMatches(filter, (q, p) => manager.query(q, p));
      const limit = caseCountLimit(filter);
      if (n > limit) await manager.query('SET LOCAL enable_indexscan = on');
      const items = await this.pageBuilder(filter, manager.getRepository(CaseRecordEntity)).getMany();
      return { items, total: Math.min(n, limit), totalCapped: n > limit };
    });
  }

  /**
   * A list's matches, up to one more than the limit. Less the viewer's recusals, counted apart: the condition on
   * every row's recusal list would read each row of a subtree that the index alone counts, where the recused cases
   * are few and found through their own index.
   */
  private async countMatches(filter: CaseListFilter, run: (query: string, parameters: unknown[]) => Promise<{ n: number }[]>): Promise<number> {
    if (!filter.notRecused) {
      const { query, parameters } = this.countQuery(filter);
      return (await run(query, parameters))[0].n;
    }
    const recused = this.recusedCountQuery(filter, filter.notRecused);
    const [{ n: k }] = await run(recused.query, recused.parameters);
    const all = this.countQuery({ ...filter, notRecused: undefined }, k);
    const [{ n }] = await run(all.query, all.parameters);
    return n - k;
  }

  /** The SQL of a list's total: one row more than the limit tells a capped total from an exact one. */
  countQuery(filter: CaseListFilter, headroom = 0): { query: string; parameters: unknown[] } {
    const [matches, parameters] = this.filterBuilder(filter).select('1').limit(caseCountLimit(filter) + 1 + headroom).getQueryAndParameters();
    return { query: `SELECT count(*)::int AS n FROM (${matches}) matches`, parameters };
  }

  /** The SQL counting the matches `userId` is recused from (all of them: they are few). */
  private recusedCountQuery(filter: CaseListFilter, userId: string): { query: string; parameters: unknown[] } {
    const own: Record<string, unknown> = {};
    const named = (value: unknown) => {
      const name = `recused${Object.keys(own).length}`;
      own[name] = value;
      return `:${name}`;
    };
    const [matches, parameters] = this.filterBuilder({ ...filter, notRecused: undefined })
      .andWhere(recusedSql('c', userId, named), own)
      .select('1')
      .getQueryAndParameters();
    return { query: `SELECT count(*)::int AS n FROM (${matches}) matches`, parameters };
  }

  private pageBuilder(filter: CaseListFilter, repo: Repository<CaseRecordEntity> = this.repo) {
    return this.filterBuilder(filter, repo)
      .orderBy(SORT_COLUMNS[filter.sort], filter.order === 'asc' ? 'ASC' : 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
  }

  /** The list's conditions (sight rule and filters), without order or page: exports page over the same rows. */
  filterBuilder(filter: Omit<CaseListFilter, 'sort' | 'order' | 'page' | 'pageSize'> & Partial<CaseListFilter>, repo: Repository<CaseRecordEntity> = this.repo) {
    const sight: Record<string, unknown> = {};
    const named = (value: unknown) => {
      const name = `sight${Object.keys(sight).length}`;
      sight[name] = value;
      return `:${name}`;
    };
    const scope = { orgPath: filter.orgPath, subjectUserId: filter.subjectUserId, notRecused: filter.notRecused };
    const qb = repo.createQueryBuilder('c').where(caseScopeSql(scope, 'c', named), sight);
    if (filter.stage) qb.andWhere('c.stage = :stage', { stage: filter.stage });
    if (filter.channel) qb.andWhere('c.channel = :channel', { channel: filter.channel });
    if (filter.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.text && [...filter.text].length === 2) {
      // Two characters have no trigram: the searched text with every character written twice (search_pairs, indexed
      // by cases_search_pairs_idx; migration CaseSearchPairs), where pairPattern's three characters match exactly
      // where the term does.
      // Stored lower-cased: LIKE on the lowered term is ILIKE, without lowering each row again.
      qb.andWhere('c.search_pairs LIKE lower(:text)', { text: `%${escapeLike(pairPattern(filter.text))}%` });
    } else if (filter.text) {
      // The expression of the trigram index (migration CaseTextSearch), so the index serves the search.
      qb.andWhere(`${SEARCHED} ILIKE :text`, { text: `%${escapeLike(filter.text)}%` });
    }
    return qb;
  }

  /**
   * Cases in sight with a request to see the reporter waiting for a decision, oldest change first: a custodian's
   * queue (the domain's `revealsAwaiting` says whose). Rare enough to need no index of its own.
   */
  withPendingReveals(scope: Pick<CaseListFilter, 'orgPath' | 'notRecused'>, limit = 100): Promise<CaseRecordEntity[]> {
    return this.filterBuilder({ ...scope, sort: 'updatedAt', order: 'asc', page: 1, pageSize: limit })
      .andWhere(`c.state -> 'reporterReveals' @> '[{"status": "PENDING"}]'::jsonb`)
      .orderBy('c.updated_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /**
   * Cases in the subtree that might wait on this user, oldest stage first; the domain decides which really do.
   * Open cases by stage and assignee: an officer's come off cases_open_assignee_idx in order; a supervisor's walk
   * cases_open_stage_entered_idx and stop at the limit. Then any case whose step work waits on the user beyond its
   * stage (`waiting_user_ids`, `awaits_supervisor`: the domain's `taskHolders`), such as a closed case owing the
   * reporter its result or a shelved clue due for review, found through the small partial indexes of those columns.
   * Only a task's columns are read, as plain rows: TypeORM's entity mapping of 500 rows cost more than the query
   * itself (the bench's 1M-case inbox).
   */
  async taskCandidates(orgPath: string, userId: string, isSupervisor: boolean, isIntake: boolean, isTrialOfficer = false): Promise<TaskCandidate[]> {
    const { query, parameters } = this.taskCandidatesQuery(orgPath, userId, isSupervisor, isIntake, isTrialOfficer);
    return this.dataSource.query(query, parameters);
  }

  /** The SQL of taskCandidates, for EXPLAIN in tests and benchmarks. */
  taskCandidatesQuery(
    orgPath: string,
    userId: string,
    isSupervisor: boolean,
    isIntake: boolean,
    isTrialOfficer = false,
  ): { query: string; parameters: unknown[] } {
    const waitsOn = [
      'assignee_id = $2',
      // A supervisor records the collective decision (DELIBERATION) and sees the decision served (DECIDED).
      ...(isSupervisor ? ['has_pending_approval', "stage IN ('DELIBERATION', 'DECIDED')", "(assignee_id IS NULL AND stage <> 'INTAKE')"] : []),
      ...(isIntake ? ["stage = 'INTAKE'"] : []),
      // The case review department takes the files sent to 审理.
      ...(isTrialOfficer ? ["stage = 'TRIAL'"] : []),
    ];
    // The very predicate of the two partial indexes (stage NOT IN …), so the planner may use them.
    const byStage = `stage NOT IN ('CLOSED', 'SERVED', 'SHELVED') AND (${waitsOn.join(' OR ')})`;
    // Each arm repeats its partial index's predicate. One OR with byStage would leave no index to serve both.
    const bySteps = [
      '(cardinality(waiting_user_ids) > 0 AND waiting_user_ids @> ARRAY[$2::text])',
      ...(isSupervisor ? ['awaits_supervisor'] : []),
    ];
    return {
      // Two branches, each in its own index's order and limit; the second leaves out what the first takes (IS NOT
      // TRUE, as byStage may be NULL), so that no case comes twice.
      query: `SELECT * FROM (
          (SELECT ${TASK_COLUMNS} FROM cases WHERE org_path LIKE $1 AND ${byStage} ORDER BY stage_entered_at ASC LIMIT ${TASK_CANDIDATES})
          UNION ALL
          (SELECT ${TASK_COLUMNS} FROM cases WHERE org_path LIKE $1 AND (${bySteps.join(' OR ')}) AND (${byStage}) IS NOT TRUE
            ORDER BY stage_entered_at ASC LIMIT ${TASK_CANDIDATES})
        ) candidates
        ORDER BY "stageEnteredAt" ASC LIMIT ${TASK_CANDIDATES}`,
      parameters: [`${escapeLike(orgPath)}%`, userId],
    };
  }
}
