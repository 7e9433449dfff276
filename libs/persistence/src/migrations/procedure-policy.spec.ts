import { DEFAULT_FAULT_TOLERANCE_POLICY, DEFAULT_POLICY, policyProblems } from '@dandang/domain';
import type { PinnedPolicy } from '@dandang/contracts';
import { withProcedures } from './1766131200000-procedure-policy';

describe('the policy of an installation upgraded to the two procedures', () => {
  /** A locality's policy from before: its own limits, no decision rules. */
  const before: PinnedPolicy = {
    version: 'county-2026.3',
    stageLimits: { INTAKE: { amount: 3, unit: 'WORKING_DAY' }, INVESTIGATION: { amount: 2, unit: 'MONTH' } },
    stepLimits: { APPEAL_DECISION: { amount: 20, unit: 'WORKING_DAY' } },
    deadlineRules: { reminderPoints: [0.5], yellowCardAt: 0.9, escalateAfter: 0.1 },
    maxExtensions: { INVESTIGATION: 1 },
  };

  it('adds who decides what and the new clocks, keeping every limit the locality set, under a version of its own', () => {
    const after = withProcedures(before);
    expect(after).toMatchObject({
      version: 'county-2026.3-procedures',
      decisionPolicy: DEFAULT_POLICY.decisionPolicy,
      careVisitMonths: DEFAULT_POLICY.careVisitMonths,
      stageLimits: { ...before.stageLimits, TRIAL: DEFAULT_POLICY.stageLimits.TRIAL, DELIBERATION: DEFAULT_POLICY.stageLimits.DELIBERATION },
      stepLimits: {
        APPEAL_DECISION: { amount: 20, unit: 'WORKING_DAY' },
        STATEMENT: DEFAULT_POLICY.stepLimits!.STATEMENT,
        ANNOUNCEMENT: DEFAULT_POLICY.stepLimits!.ANNOUNCEMENT,
        // Visits keep a clock, so that a visit reaches the officer's inbox once it has reminded them.
        FOLLOW_UP_VISIT: DEFAULT_POLICY.stepLimits!.FOLLOW_UP_VISIT,
      },
      maxExtensions: { INVESTIGATION: 1, TRIAL: DEFAULT_POLICY.maxExtensions!.TRIAL },
      deadlineRules: before.deadlineRules,
    });
    // The locality's own stage limits are not replaced by the defaults.
    expect(after.stageLimits.INVESTIGATION).toEqual({ amount: 2, unit: 'MONTH' });
    expect(after.stageLimits.VERIFICATION).toBeUndefined();
    expect(policyProblems(after)).toEqual([]);
  });

  it('gives a fault-tolerance section of its own the review steps’ clocks and the verification extension', () => {
    const own = { ...DEFAULT_FAULT_TOLERANCE_POLICY, determinationQuorum: 3 };
    delete (own as Partial<typeof own>).stepLimits;
    delete (own as Partial<typeof own>).verifyExtension;
    const after = withProcedures({ ...before, faultTolerance: own });
    expect(after.faultTolerance).toMatchObject({ determinationQuorum: 3, stepLimits: DEFAULT_FAULT_TOLERANCE_POLICY.stepLimits, verifyExtension: DEFAULT_FAULT_TOLERANCE_POLICY.verifyExtension });
    expect(policyProblems(after)).toEqual([]);
  });
});
