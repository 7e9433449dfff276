import type { Stage, SupervisionChannel } from '@dandang/contracts';
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

  async list(filter: CaseListFilter): Promise<{ items: CaseRecordEntity[]; total: number }> {
    const [items, total] = await this.listBuilder(filter).getManyAndCount();
    return { items, total };
  }

  /** The SQL of a list query, for EXPLAIN in tests and benchmarks. */
  listQuery(filter: CaseListFilter): { query: string; parameters: unknown[] } {
    const [query, parameters] = this.listBuilder(filter).getQueryAndParameters();
    return { query, parameters };
  }

  private listBuilder(filter: CaseListFilter) {
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
    return qb
      .orderBy(SORT_COLUMNS[filter.sort], filter.order === 'asc' ? 'ASC' : 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
  }

  /** Open cases in the subtree that might wait on this user; the domain decides which really do. */
  taskCandidates(orgPath: string, userId: string, isSupervisor: boolean, isIntake: boolean): Promise<CaseRecordEntity[]> {
    const qb = this.repo
      .createQueryBuilder('c')
      .where('c.org_path LIKE :orgPath', { orgPath: `${escapeLike(orgPath)}%` })
      .andWhere("c.stage NOT IN ('CLOSED', 'SERVED', 'SHELVED')")
      .andWhere(
        `(c.assignee_id = :userId${isSupervisor ? " OR c.has_pending_approval OR c.stage = :decided OR (c.assignee_id IS NULL AND c.stage <> 'INTAKE')" : ''}${
          isIntake ? " OR c.stage = 'INTAKE'" : ''
        })`,
        { userId, decided: 'DECIDED' },
      )
      .orderBy('c.stage_entered_at', 'ASC')
      .take(500);
    return qb.getMany();
  }
}
