import type { Label } from './labels';

/** The file formats a list or a report is exported in. */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The columns of an exported case list, in order, with their headers. Which of them a viewer gets is the domain's
 * `caseExportColumns` (an auditor's export has no title, official concerned, channel or intake method).
 */
export const CASE_EXPORT_COLUMNS = {
  number: { zh: '线索编号', en: 'Case number' },
  title: { zh: '标题', en: 'Title' },
  subjectName: { zh: '被反映人', en: 'Official concerned' },
  subjectPosition: { zh: '职务', en: 'Position' },
  channel: { zh: '监督渠道', en: 'Supervision channel' },
  intakeMethod: { zh: '受理方式', en: 'Intake method' },
  stage: { zh: '办理阶段', en: 'Stage' },
  orgUnit: { zh: '承办单位', en: 'Org unit' },
  assignee: { zh: '承办人', en: 'Assignee' },
  hasPendingApproval: { zh: '待审批', en: 'Awaiting approval' },
  receivedAt: { zh: '收到时间', en: 'Received' },
  registeredAt: { zh: '登记时间', en: 'Registered' },
  stageEnteredAt: { zh: '进入本阶段', en: 'Stage entered' },
  updatedAt: { zh: '最近更新', en: 'Updated' },
  dueAt: { zh: '本阶段期限', en: 'Stage due' },
  card: { zh: '预警', en: 'Card' },
  supervised: { zh: '督办', en: 'Supervised' },
} as const satisfies Record<string, Label>;
export type CaseExportColumn = keyof typeof CASE_EXPORT_COLUMNS;

/** A header cell: the Chinese label with the English one beside it, as every exported file shows them. */
export const exportHeader = (label: Label): string => `${label.zh} (${label.en})`;

/** The time zone exported times are written in (北京时间), named in the headers of time columns. */
export const EXPORT_TIME_ZONE_LABEL: Label = { zh: '北京时间', en: 'China Standard Time' };
