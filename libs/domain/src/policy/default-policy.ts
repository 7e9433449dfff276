import type { PinnedPolicy } from '@dandang/contracts';
import { DEFAULT_DECISION_POLICY } from '../case/decision-rules';

/**
 * The default policy (docs/domain.md §e). Durations are data: a case pins the version it started with,
 * and the timers issue waits on them. Months are converted by the calendar, not here.
 */
export const DEFAULT_POLICY: PinnedPolicy = {
  version: '2026.2',
  stageLimits: {
    INTAKE: { amount: 5, unit: 'WORKING_DAY' }, // accept or transfer within 5 WD (检举控告规则 art. 16)
    DISPOSITION: { amount: 1, unit: 'MONTH' }, // disposal proposal within 1 month (监督执纪规则)
    INQUIRY: { amount: 15, unit: 'WORKING_DAY' }, // written reply within 15 WD (监督执纪规则)
    VERIFICATION: { amount: 2, unit: 'MONTH' }, // [SUGGESTED] 2 months, one extension on approval
    INVESTIGATION: { amount: 3, unit: 'MONTH' }, // [SUGGESTED] 3 months + extension on approval
    TRIAL: { amount: 1, unit: 'MONTH' }, // 审理 within 1 month of acceptance (监督执纪规则 art. 55)
    DELIBERATION: { amount: 1, unit: 'MONTH' }, // [SUGGESTED] the body decides at a meeting within the month
    DECIDED: { amount: 5, unit: 'WORKING_DAY' }, // serve the decision within 5 WD
    SHELVED: { amount: 3, unit: 'MONTH' }, // [SUGGESTED] a shelved clue is reviewed every quarter (定期清理)
  },
  // An appeal is decided within 1 month of its filing (docs/domain.md stage 4; 监察法 art. 56 for comparison).
  // An inquiry letter's reply within 15 WD of its receipt, the conclusion within 1 month of the talk or the reply
  // (监督执纪工作规则; ⚠ the month as local texts have it).
  stepLimits: {
    APPEAL_DECISION: { amount: 1, unit: 'MONTH' },
    INQUIRY_REPLY: { amount: 15, unit: 'WORKING_DAY' },
    INQUIRY_CONCLUSION: { amount: 1, unit: 'MONTH' },
    // [SUGGESTED] a name clearing within 1 month of the finding that the allegation was untrue (澄清意见: promptly).
    NAME_CLEARING: { amount: 1, unit: 'MONTH' },
    // A real-name reporter told of the acceptance within 15 WD of the receipt, of the result within 15 WD of the
    // conclusion (检举控告工作规则).
    REPORTER_ACCEPTANCE_NOTICE: { amount: 15, unit: 'WORKING_DAY' },
    REPORTER_RESULT_NOTICE: { amount: 15, unit: 'WORKING_DAY' },
    // [SUGGESTED] 5 WD for the person's statement and defence on the facts shown (none found in the rules).
    STATEMENT: { amount: 5, unit: 'WORKING_DAY' },
    // A discipline decision announced within 1 month (监督执纪规则 art. 56); the formalities of post and pay changes
    // within 1 month of the decision (纪律处分条例; 政务处分法 art. 54; 问责条例).
    ANNOUNCEMENT: { amount: 1, unit: 'MONTH' },
    MEASURE_EXECUTION: { amount: 1, unit: 'MONTH' },
    // [SUGGESTED] an exemption made known (免责通报) within 10 WD of its determination; no rule found.
    EXEMPTION_NOTICE: { amount: 10, unit: 'WORKING_DAY' },
    // [SUGGESTED] a follow-up or care visit made within 10 WD of its date.
    FOLLOW_UP_VISIT: { amount: 10, unit: 'WORKING_DAY' },
  },
  // [SUGGESTED] care visits (关爱回访) 1 and 6 months after an exemption [L: 贵阳 "回访"; no set months].
  careVisitMonths: [1, 6],
  deadlineRules: { reminderPoints: [0.5, 0.8], yellowCardAt: 0.8, escalateAfter: 0.2 },
  // No rule extends intake, the disposition month or the 15 WD reply; [SUGGESTED] one extension of about the limit
  // where docs/domain.md §e allows "extension on approval" (verification [H] 2 months +1, investigation, service).
  // 审理 of a major or complex case may be extended on approval (监督执纪规则 art. 55).
  maxExtensions: { INTAKE: 0, DISPOSITION: 0, INQUIRY: 0, VERIFICATION: 1, INVESTIGATION: 3, TRIAL: 1, DECIDED: 5 },
  decisionPolicy: DEFAULT_DECISION_POLICY,
};
