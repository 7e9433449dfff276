import type { CardColour, IntakeMethod, Stage, SupervisionChannel } from '@dandang/contracts';
import type { DataSource } from 'typeorm';
import { CaseReadRepository, type CaseListFilter } from './case-read.repository';

/** A case as a list export writes it: the list row's columns, with its unit's and assignee's names. */
export interface CaseExportRow {
  id: string;
  number: string;
  title: string;
  subjectName: string;
  subjectPosition: string;
  channel: SupervisionChannel;
  intakeMethod: IntakeMethod;
  stage: Stage;
  orgUnitName: string;
  assigneeName: string | null;
  hasPendingApproval: boolean;
  receivedAt: Date;
  registeredAt: Date;
  stageEnteredAt: Date;
  updatedAt: Date;
  dueAt: Date | null;
  card: CardColour;
  supervised: boolean;
}

export type CaseExportFilter = Omit<CaseListFilter, 'page' | 'pageSize'>;

const SORT_COLUMNS: Record<CaseListFilter['sort'], { column: string; type: string }> = {
  registeredAt: { column: 'c.registered_at', type: 'timestamptz' },
  updatedAt: { column: 'c.updated_at', type: 'timestamptz' },
  number: { column: 'c.number', type: 'text' },
};

/** Rows per page: a page is what the export holds at once. */
export const CASE_EXPORT_PAGE = 500;

/**
 * A whole list, in the list's order, for an export: keyset pages over the list's sort and the id (the list's own tie
 * break), each read by its own statement, so nothing holds more than one page and no transaction stays open while
 * the client downloads. The conditions are the list's (CaseReadRepository.filterBuilder), the sight rule included.
 */
export class CaseExportRepository {
  private readonly reads: CaseReadRepository;

  constructor(private readonly dataSource: DataSource) {
    this.reads = new CaseReadRepository(dataSource);
  }

  /** How many cases the export holds (uncapped, unlike a list's total). */
  async count(filter: CaseExportFilter): Promise<number> {
    const [matches, parameters] = this.reads.filterBuilder(filter).select('1').getQueryAndParameters();
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM (${matches}) matches`, parameters);
    return n;
  }

  async *pages(filter: CaseExportFilter, pageSize = CASE_EXPORT_PAGE): AsyncGenerator<CaseExportRow[]> {
    const sort = SORT_COLUMNS[filter.sort];
    const descending = filter.order === 'desc';
    let after: { key: string; id: string } | undefined;
    for (;;) {
      const qb = this.reads
        .filterBuilder(filter)
        .select([
          'c.id AS "id"', 'c.number AS "number"', 'c.title AS "title"', 'c.subject_name AS "subjectName"',
          'c.subject_position AS "subjectPosition"', 'c.channel AS "channel"', 'c.intake_method AS "intakeMethod"',
          'c.stage AS "stage"', 'c.has_pending_approval AS "hasPendingApproval"', 'c.received_at AS "receivedAt"',
          'c.registered_at AS "registeredAt"', 'c.stage_entered_at AS "stageEnteredAt"', 'c.updated_at AS "updatedAt"',
          'c.due_at AS "dueAt"', 'c.card AS "card"', 'c.supervised AS "supervised"',
          // Text keeps a timestamp's microseconds, which a JavaScript Date would round off and so skip or repeat rows.
          // CAST, not ::text, which TypeORM would read as the search's :text parameter.
          `CAST(${sort.column} AS text) AS "sortKey"`,
          '(SELECT u.name FROM org_units u WHERE u.id = c.org_unit_id) AS "orgUnitName"',
          '(SELECT a.display_name FROM users a WHERE a.id = c.assignee_id) AS "assigneeName"',
        ])
        .orderBy(sort.column, descending ? 'DESC' : 'ASC')
        .addOrderBy('c.id', 'ASC')
        .limit(pageSize);
      if (after) {
        const key = `CAST(:afterKey AS ${sort.type})`;
        // The first condition alone bounds the index scan on the sort column (the OR would not): each page starts
        // where the last ended instead of walking the list again from its top.
        qb.andWhere(`${sort.column} ${descending ? '<=' : '>='} ${key}`).andWhere(
          `(${sort.column} ${descending ? '<' : '>'} ${key} OR (${sort.column} = ${key} AND c.id > :afterId))`,
          { afterKey: after.key, afterId: after.id },
        );
      }
      const rows: (CaseExportRow & { sortKey: string })[] = await qb.getRawMany();
      if (rows.length > 0) {
        const last = rows[rows.length - 1];
        after = { key: last.sortKey, id: last.id };
        yield rows.map((row) => {
          delete (row as Partial<typeof row>).sortKey;
          return row;
        });
      }
      if (rows.length < pageSize) return;
    }
  }
}
