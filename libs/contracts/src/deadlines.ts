import type { Label } from './labels';
import type { Stage } from './stages';

/** A stage time limit, as data (docs/domain.md §e, §f). */
export interface TimeLimit {
  amount: number;
  unit: 'WORKING_DAY' | 'CALENDAR_DAY' | 'MONTH';
}

/**
 * A policy duration: a statutory time limit, or seconds for drills and tests (a whole escalation in seconds,
 * with the same code path as working days).
 */
export type PolicyDuration = TimeLimit | { amount: number; unit: 'SECOND' };

/** The escalation ladder of every stage clock, as fractions of the stage's time limit. */
export interface DeadlineRules {
  /** The assignee is reminded at these points (default 50 % and 80 %). */
  reminderPoints: number[];
  /** From this point the case shows a yellow card (黄牌). */
  yellowCardAt: number;
  /** Overdue (100 %): red card (红牌) and the supervisors are notified. This far past due (a fraction of the
   * limit), the case is escalated to the parent org unit's supervisors as a supervised matter (督办). */
  escalateAfter: number;
}

export type CardColour = 'NONE' | 'YELLOW' | 'RED';
export const CARD_LABELS: Record<CardColour, Label> = {
  NONE: { zh: '正常', en: 'On time' },
  YELLOW: { zh: '黄牌', en: 'Yellow card' },
  RED: { zh: '红牌', en: 'Red card' },
};

export type RungKind = 'REMINDER' | 'YELLOW_CARD' | 'RED_CARD' | 'ESCALATION';
export const RUNG_LABELS: Record<RungKind, Label> = {
  REMINDER: { zh: '到期提醒', en: 'Reminder' },
  YELLOW_CARD: { zh: '黄牌预警', en: 'Yellow card' },
  RED_CARD: { zh: '红牌超期', en: 'Red card (overdue)' },
  ESCALATION: { zh: '上级督办', en: 'Escalated for supervision' },
};

/** One rung of a stage clock's ladder; its id is unique within the clock, so firing it is idempotent. */
export interface DeadlineRung {
  id: string;
  kind: RungKind;
  at: string;
}

/** The clock of the stage the case is in. */
export interface CaseDeadline {
  stage: Stage;
  /** The step within the stage this clock times (an inquiry's reply, an appeal's decision); absent for the stage's own. */
  step?: StepClock;
  limit: PolicyDuration;
  startedAt: string;
  dueAt: string;
  calendarVersion: string;
  /** Years the deadline crossed without a published holiday schedule (weekends only): flagged to officers. */
  unpublishedYears: number[];
  /** Rungs already fired, by id. */
  fired: string[];
  card: CardColour;
  /** Escalated to the parent unit as a supervised matter (督办). */
  supervised: boolean;
  /** 中止: the clock stands still; `remaining` is what is left when it resumes. */
  suspension?: { since: string; reason: string; remaining: PolicyDuration };
  /** 延期: approved extensions, in the limit's unit. */
  extensions: { amount: number; reason: string; approvedBy: string; at: string }[];
}

/** Clocks of steps within a stage, each with its own limit in the policy (`PinnedPolicy.stepLimits`). */
export const STEP_CLOCKS = {
  APPEAL_DECISION: { zh: '申诉复查决定', en: 'Appeal decision' },
  INQUIRY_REPLY: { zh: '函询书面回复', en: 'Written reply to an inquiry letter' },
  INQUIRY_CONCLUSION: { zh: '谈话函询了结', en: 'Inquiry conclusion' },
  NAME_CLEARING: { zh: '澄清正名', en: 'Name clearing' },
  REPORTER_ACCEPTANCE_NOTICE: { zh: '向实名举报人告知受理情况', en: "Telling the real-name reporter of acceptance" },
  REPORTER_RESULT_NOTICE: { zh: '向实名举报人反馈处理结果', en: 'Telling the real-name reporter of the result' },
  STATEMENT: { zh: '陈述申辩', en: 'Statement and defence' },
  ANNOUNCEMENT: { zh: '宣布处分决定', en: 'Announcing the decision' },
  MEASURE_EXECUTION: { zh: '组织处理（职务、待遇调整）手续办理', en: 'Carrying out the measures (post and pay)' },
  EXEMPTION_NOTICE: { zh: '免责通报', en: 'Making the exemption known' },
  FOLLOW_UP_VISIT: { zh: '回访', en: 'Follow-up visit' },
} as const satisfies Record<string, Label>;
export type StepClock = keyof typeof STEP_CLOCKS;
