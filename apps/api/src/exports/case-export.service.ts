import { Injectable } from '@nestjs/common';
import {
  CARD_LABELS,
  CASE_EXPORT_COLUMNS,
  FAULT_TOLERANCE_OUTCOMES,
  INTAKE_METHODS,
  STAGE_LABELS,
  SUPERVISION_CHANNELS,
  bilingual,
  exportHeader,
  type CaseExportColumn,
  type Label,
} from '@dandang/contracts';
import { assertMayFilter, assertMaySearch, caseExportColumns, caseListScope } from '@dandang/domain';
import { CaseExportRepository, DashboardRepository, type CaseExportRow } from '@dandang/persistence';
import { CaseAccessService } from '../access/case-access.service';
import type { AuthUser } from '../auth/auth-user';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import type { ExportCell, ExportTable } from './table-writer';
import type { ExportCasesQuery, ExportDashboardQuery } from './export.query';

const DAY_MS = 86_400_000;

/** What an export sends: its tables, how many rows they hold, and the file's name. */
export interface PreparedExport {
  tables: ExportTable[];
  rows: number;
  fileName: string;
}

const label = (l: Label | undefined, fallback: string) => (l ? bilingual(l) : fallback);

/** Each column's cell of a case row. */
const CELLS: Record<CaseExportColumn, (r: CaseExportRow) => ExportCell> = {
  number: (r) => r.number,
  title: (r) => r.title,
  subjectName: (r) => r.subjectName,
  subjectPosition: (r) => r.subjectPosition,
  channel: (r) => label(SUPERVISION_CHANNELS[r.channel], r.channel),
  intakeMethod: (r) => label(INTAKE_METHODS[r.intakeMethod], r.intakeMethod),
  stage: (r) => label(STAGE_LABELS[r.stage], r.stage),
  orgUnit: (r) => r.orgUnitName,
  assignee: (r) => r.assigneeName,
  hasPendingApproval: (r) => r.hasPendingApproval,
  receivedAt: (r) => r.receivedAt,
  registeredAt: (r) => r.registeredAt,
  stageEnteredAt: (r) => r.stageEnteredAt,
  updatedAt: (r) => r.updatedAt,
  dueAt: (r) => r.dueAt,
  card: (r) => label(CARD_LABELS[r.card], r.card),
  supervised: (r) => r.supervised,
};
const TIME_COLUMNS: readonly CaseExportColumn[] = ['receivedAt', 'registeredAt', 'stageEnteredAt', 'updatedAt', 'dueAt'];

/** `2026-04-01T02:00:00.000Z` → `20260401-1000` (CST), for file names. */
export const fileStamp = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace(/-/g, '').replace('T', '-').replace(':', '');

/**
 * Exports of what a user may list: every case of their list with its filters (the list's rule, `caseListScope`, and
 * the columns their rows show, `caseExportColumns`), and the dashboard's figures. Each is a sensitive read, recorded
 * in the security-event log with its filters and row count before a byte is sent: an export that cannot be
 * recorded is not made.
 */
@Injectable()
export class CaseExportService {
  constructor(
    private readonly exports: CaseExportRepository,
    private readonly dashboard: DashboardRepository,
    private readonly access: CaseAccessService,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  async cases(user: AuthUser, query: ExportCasesQuery, address: string | undefined): Promise<PreparedExport> {
    const text = query.q?.trim() || undefined;
    assertMaySearch(user, text);
    assertMayFilter(user, { channel: query.channel, assignee: query.assignee });
    const scope = caseListScope(user);
    const orgPath = scope && query.orgUnit && !scope.subjectUserId ? await this.access.orgPathWithin(user, query.orgUnit, 'orgUnit') : scope?.orgPath;
    const filter = scope && orgPath
      ? { ...scope, orgPath, stage: query.stage, channel: query.channel, assigneeId: query.assignee, text, sort: query.sort, order: query.order }
      : undefined;
    // Counted first: the log records how many rows left, and the client shows its progress against the count.
    const rows = filter ? await this.exports.count(filter) : 0;
    await this.securityEvents.record({
      kind: 'CASES_EXPORTED',
      actor: user,
      address,
      details: {
        export: 'cases',
        format: query.format,
        rows,
        // The search term itself is left out: it may quote what a case says.
        filters: { stage: query.stage, channel: query.channel, assignee: query.assignee, orgUnit: query.orgUnit, textSearch: text !== undefined, sort: query.sort, order: query.order },
      },
    });
    const columns = caseExportColumns(user);
    const pages = filter ? this.exports.pages(filter) : [];
    return {
      rows,
      fileName: `dandang-cases-${fileStamp(new Date())}.${query.format}`,
      tables: [
        {
          title: '案件列表 (Cases)',
          headers: columns.map((c) => `${exportHeader(CASE_EXPORT_COLUMNS[c])}${TIME_COLUMNS.includes(c) ? ' 北京时间 CST' : ''}`),
          rows: mapPages(pages, (r) => columns.map((c) => CELLS[c](r))),
        },
      ],
    };
  }

  /** The dashboard's figures (GET /api/dashboard with the same filters) as tables. */
  async dashboardFigures(user: AuthUser, query: ExportDashboardQuery, address: string | undefined): Promise<PreparedExport> {
    const orgPath = query.orgUnit ? await this.access.orgPathWithin(user, query.orgUnit, 'orgUnit') : user.orgPath;
    const now = new Date();
    const f = await this.dashboard.figures(orgPath, now, query.dueSoonDays * DAY_MS, user.id);
    const tables: ExportTable[] = [
      { title: '说明 (About)', headers: ['项目 (Item)', '内容 (Value)'], rows: [[
        ['生成时间 (Generated, CST)', now],
        ['即将到期天数 (Due-soon horizon, days)', query.dueSoonDays],
        ['即将到期 (Due soon)', f.dueSoon],
        ['超期 (Overdue)', f.overdue],
        ['黄牌 (Yellow cards)', f.yellowCards],
        ['红牌 (Red cards)', f.redCards],
        ['督办 (Supervised)', f.supervised],
      ]] },
      { title: '按阶段 (By stage)', headers: ['办理阶段 (Stage)', '件数 (Cases)'], rows: [f.byStage.map((s) => [label(STAGE_LABELS[s.stage], s.stage), s.count])] },
      {
        title: '按单位 (By unit)',
        headers: ['单位 (Org unit)', '件数 (Cases)', '超期 (Overdue)', '黄牌 (Yellow cards)', '红牌 (Red cards)'],
        rows: [f.byOrgUnit.map((u) => [u.name, u.count, u.overdue, u.yellow, u.red])],
      },
      {
        title: '各阶段用时 (Days per stage)',
        headers: ['办理阶段 (Stage)', '次数 (Visits)', '平均天数 (Average days)', '90%分位天数 (p90 days)'],
        rows: [f.daysPerStage.map((d) => [label(STAGE_LABELS[d.stage as keyof typeof STAGE_LABELS], d.stage), d.visits, d.averageDays, d.p90Days])],
      },
      {
        title: '容错结果 (Fault tolerance)',
        headers: ['结果 (Outcome)', '件数 (Reviews)'],
        rows: [f.faultToleranceOutcomes.map((o) => [label(FAULT_TOLERANCE_OUTCOMES[o.outcome as keyof typeof FAULT_TOLERANCE_OUTCOMES], o.outcome), o.count])],
      },
    ];
    const rows = tables.reduce((n, t) => n + (t.rows as ExportCell[][][])[0].length, 0);
    await this.securityEvents.record({
      kind: 'CASES_EXPORTED',
      actor: user,
      address,
      details: { export: 'dashboard', format: query.format, rows, filters: { orgUnit: query.orgUnit, dueSoonDays: query.dueSoonDays } },
    });
    return { tables, rows, fileName: `dandang-dashboard-${fileStamp(now)}.${query.format}` };
  }
}

async function* mapPages<T>(pages: AsyncIterable<T[]> | T[][], map: (row: T) => ExportCell[]): AsyncGenerator<ExportCell[][]> {
  for await (const page of pages) yield page.map(map);
}
