import type { FaultTolerancePolicy, Stage } from '@dandang/contracts';
import { DEFAULT_EXCLUSIONS } from './exclusions';

/**
 * The default fault-tolerance policy. No locality publishes day counts for 容错 steps (docs/domain.md stage 5),
 * so these are the [SUGGESTED] defaults of docs/domain.md §e; every value is data a locality may change.
 */
export const DEFAULT_FAULT_TOLERANCE_POLICY: FaultTolerancePolicy = {
  version: '2026.2',
  // A collective determination (集体认定): two supervisors, neither the assessor nor an investigator.
  determinationQuorum: 2,
  exclusions: DEFAULT_EXCLUSIONS,
  // §e row 26: rectification deadlines of 30 / 60 / 90 days by severity.
  correctionDueDays: { LOW: 30, MEDIUM: 60, HIGH: 90 },
  // §e row 17: appeal within 1 month of receiving the decision ⚠ (问责条例 2019, recalled).
  appealWindow: { amount: 1, unit: 'MONTH' },
  // §e row 29: visits at 1, 6 and 12 months; the impact period's end is added per case.
  followUpVisitMonths: [1, 6, 12],
  // §e row 21 [L: 昌宁]: from the start of accountability (case filed, INVESTIGATION) until the decision (审理 and
  // the collective decision included). The suggested "within 10 WD of being notified" is off by default: the filing
  // notice date is not recorded yet.
  applicationWindow: { openStages: ['INVESTIGATION', 'TRIAL', 'DELIBERATION'], withinOfNotice: null },
  // §e rows 22–25 [SUGGESTED]: accept within 5 WD of the application, verify within 20 WD of acceptance, determine
  // within 10 WD of the verification report, tell the applicant within 5 WD.
  stepLimits: {
    ACCEPT: { amount: 5, unit: 'WORKING_DAY' },
    VERIFY: { amount: 20, unit: 'WORKING_DAY' },
    DETERMINE: { amount: 10, unit: 'WORKING_DAY' },
    NOTIFY: { amount: 5, unit: 'WORKING_DAY' },
  },
  // §e row 23 [SUGGESTED]: verification may run 10 WD longer, once, on a supervisor's approval (extendVerification).
  verifyExtension: { amount: 10, unit: 'WORKING_DAY' },
};

/** Whether the policy accepts a fault-tolerance application while the case is in `stage`. */
export function isApplicationWindowOpen(policy: Pick<FaultTolerancePolicy, 'applicationWindow'>, stage: Stage): boolean {
  return policy.applicationWindow.openStages.includes(stage);
}
