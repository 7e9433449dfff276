import { Injectable } from '@nestjs/common';
import {
  ACCOUNTABILITY_FORMS,
  ACCOUNTABILITY_FORM_SUBTYPES,
  CLOSURE_KINDS,
  FAULT_TOLERANCE_OUTCOMES,
  FOUR_FORMS,
  INTAKE_METHODS,
  SUPERVISION_CHANNELS,
  bilingual,
  type Label,
  type StatisticsReport,
} from '@dandang/contracts';
import { caseListScope, reportPeriod, statisticsReportFor } from '@dandang/domain';
import { ReportRepository } from '@dandang/persistence';
import { CaseAccessService } from '../access/case-access.service';
import type { AuthUser } from '../auth/auth-user';
import { fileStamp, type PreparedExport } from '../exports/case-export.service';
import type { ExportTable } from '../exports/table-writer';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import type { ReportExportQuery, ReportQuery } from './reports.query';

const label = (l: Label | undefined, fallback: string) => (l ? bilingual(l) : fallback);
const DECLINED: Label = { zh: '不予受理', en: 'Declined' };

/** 统计报表: the figures of a period for the caller's subtree, as the domain lets them read it. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly access: CaseAccessService,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  async statistics(user: AuthUser, query: ReportQuery): Promise<StatisticsReport> {
    const now = new Date();
    const period = reportPeriod(query, now);
    const scope = caseListScope(user)!;
    const orgPath = query.orgUnit ? await this.access.orgPathWithin(user, query.orgUnit, 'orgUnit') : scope.orgPath;
    const figures = await this.reports.statistics({ ...scope, orgPath }, new Date(period.from), new Date(period.to));
    const report: StatisticsReport = { period, orgUnitId: query.orgUnit ?? user.orgUnitId, generatedAt: now.toISOString(), ...figures, withheld: [] };
    return statisticsReportFor(report, user);
  }

  /** The report as a workbook (a sheet per table) or CSV, recorded as an export. */
  async export(user: AuthUser, query: ReportExportQuery, address: string | undefined): Promise<PreparedExport> {
    const { format, ...asked } = query;
    const r = await this.statistics(user, asked);
    const tables = reportTables(r);
    const rows = tables.reduce((n, t) => n + (t.rows as unknown[][][])[0].length, 0);
    await this.securityEvents.record({
      kind: 'CASES_EXPORTED',
      actor: user,
      address,
      details: { export: 'report', format, rows, filters: { from: r.period.from, to: r.period.to, orgUnit: query.orgUnit } },
    });
    return { tables, rows, fileName: `dandang-report-${fileStamp(new Date(r.period.from))}.${format}` };
  }
}

/** The report's tables, headed in Chinese with English beside. */
export function reportTables(r: StatisticsReport): ExportTable[] {
  const count = '件数 (Count)';
  const tables: ExportTable[] = [
    { title: '说明 (About)', headers: ['项目 (Item)', '内容 (Value)'], rows: [[
      ['统计期间 (Period)', bilingual(r.period.label)],
      ['生成时间 (Generated, CST)', new Date(r.generatedAt)],
      ['受理线索 (Clues registered)', r.received.total],
      ['办结 (Concluded)', r.concluded.total],
      ...(r.accountability ? [['问责决定 (Decisions)', r.accountability.decisions], ['函询予以谈话提醒等 (Inquiries closed with light handling)', r.accountability.lightHandlings]] : []),
      ['黄牌 (Yellow cards)', r.deadlines.yellowCards],
      ['红牌超期 (Red cards, overdue)', r.deadlines.redCards],
      ['上级督办 (Escalations)', r.deadlines.escalations],
      ...(r.withheld.length ? [['未含 (Withheld for your role)', r.withheld.join(', ')]] : []),
    ] as [string, string | number | Date][]] },
    {
      title: '按单位 (By unit)',
      headers: ['单位 (Org unit)', '受理 (Registered)', '办结 (Concluded)', '问责决定 (Decisions)', '黄牌 (Yellow cards)', '红牌 (Red cards)'],
      rows: [r.byOrgUnit.map((u) => [u.name, u.received, u.concluded, u.decisions, u.yellowCards, u.redCards])],
    },
    { title: '办结方式 (Concluded by)', headers: ['办结方式 (Closure)', count], rows: [r.concluded.byClosure.map((c) => [label(CLOSURE_KINDS[c.kind], c.kind), c.count])] },
    {
      title: '容错结果 (Fault tolerance)',
      headers: ['结果 (Outcome)', count],
      rows: [r.faultTolerance.byOutcome.map((o) => [o.outcome === 'DECLINED' ? bilingual(DECLINED) : label(FAULT_TOLERANCE_OUTCOMES[o.outcome], o.outcome), o.count])],
    },
  ];
  if (!r.withheld.includes('received.byChannel')) {
    tables.push(
      { title: '按监督渠道 (By channel)', headers: ['监督渠道 (Channel)', count], rows: [r.received.byChannel.map((c) => [label(SUPERVISION_CHANNELS[c.channel], c.channel), c.count])] },
      { title: '按受理方式 (By intake method)', headers: ['受理方式 (Intake method)', count], rows: [r.received.byIntakeMethod.map((c) => [label(INTAKE_METHODS[c.intakeMethod], c.intakeMethod), c.count])] },
    );
  }
  if (r.accountability) {
    tables.push(
      {
        title: '按问责方式 (By form)',
        headers: ['问责方式 (Form)', '具体 (Subtype)', count],
        rows: [r.accountability.byForm.map((f) => [
          label(ACCOUNTABILITY_FORMS[f.form], f.form),
          f.subtype ? label(ACCOUNTABILITY_FORM_SUBTYPES[f.form]?.[f.subtype], f.subtype) : null,
          f.count,
        ])],
      },
      { title: '四种形态 (Four forms)', headers: ['形态 (Form)', '人次 (Count)'], rows: [r.accountability.byFourForms.map((f) => [bilingual(FOUR_FORMS[f.fourForm]), f.count])] },
    );
  }
  return tables;
}
