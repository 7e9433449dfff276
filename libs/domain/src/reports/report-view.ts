import type { StatisticsReport } from '@dandang/contracts';
import { readsAsAuditor } from '../access/audit-view';

/**
 * A report as `viewer` may read it. An auditor's leaves out what the cases are about (the channels and intake
 * methods their list rows hide, and the decisions their case view hides), naming what it left out, as their
 * timeline does: counts are the course of the work, forms are its content.
 */
export function statisticsReportFor(report: StatisticsReport, viewer: Parameters<typeof readsAsAuditor>[0]): StatisticsReport {
  if (!readsAsAuditor(viewer)) return report;
  return {
    ...report,
    received: { total: report.received.total, byChannel: [], byIntakeMethod: [] },
    accountability: null,
    withheld: ['received.byChannel', 'received.byIntakeMethod', 'accountability'],
  };
}
