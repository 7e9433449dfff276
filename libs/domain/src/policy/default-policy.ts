import type { PinnedPolicy } from '@dandang/contracts';

/**
 * The default policy (docs/domain.md §e). Durations are data: a case pins the version it started with,
 * and the timers issue waits on them. Months are converted by the calendar, not here.
 */
export const DEFAULT_POLICY: PinnedPolicy = {
  version: '2026.1',
  stageLimits: {
    INTAKE: { amount: 5, unit: 'WORKING_DAY' }, // accept or transfer within 5 WD (检举控告规则 art. 16)
    DISPOSITION: { amount: 1, unit: 'MONTH' }, // disposal proposal within 1 month (监督执纪规则)
    INQUIRY: { amount: 15, unit: 'WORKING_DAY' }, // written reply within 15 WD (监督执纪规则)
    VERIFICATION: { amount: 2, unit: 'MONTH' }, // [SUGGESTED] 2 months, one extension on approval
    INVESTIGATION: { amount: 3, unit: 'MONTH' }, // [SUGGESTED] 3 months + extension on approval
    DECIDED: { amount: 5, unit: 'WORKING_DAY' }, // serve the decision within 5 WD
  },
  deadlineRules: { reminderPoints: [0.5, 0.8], yellowCardAt: 0.8, escalateAfter: 0.2 },
  // [SUGGESTED] one extension of about the original limit where docs/domain.md §e allows "extension on approval".
  maxExtensions: { INTAKE: 0, DISPOSITION: 1, INQUIRY: 15, VERIFICATION: 1, INVESTIGATION: 3, DECIDED: 5 },
};
