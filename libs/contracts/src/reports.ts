import type { Label } from './labels';

/**
 * 四种形态 (the four forms of 监督执纪, 党章 and 监督执纪规则 art. 3): the graduated responses a case's outcome counts
 * under in the statistics. FIRST: criticism, reminder talks, ordered self-examination, admonishment and circulated
 * criticism; SECOND: light party sanctions and organisational adjustment; THIRD: heavy party sanctions; FOURTH:
 * serious violations suspected of crime, transferred to the judiciary (not an outcome Dandang records yet).
 */
export const FOUR_FORMS = {
  FIRST: { zh: '第一种形态', en: 'First form (criticism, talks, admonishment)' },
  SECOND: { zh: '第二种形态', en: 'Second form (light sanctions, organisational adjustment)' },
  THIRD: { zh: '第三种形态', en: 'Third form (heavy sanctions)' },
  FOURTH: { zh: '第四种形态', en: 'Fourth form (transferred for prosecution)' },
} as const satisfies Record<string, Label>;
export type FourForm = keyof typeof FOUR_FORMS;

/** A statistics period: from its first instant, up to (not including) `to`, with its name. */
export interface ReportPeriod {
  from: string;
  to: string;
  label: Label;
}
