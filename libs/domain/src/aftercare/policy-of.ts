import type { CaseState, FaultTolerancePolicy } from '@dandang/contracts';
import { DEFAULT_FAULT_TOLERANCE_POLICY } from '../fault-tolerance/policy';

/** The fault-tolerance policy the case pinned, or the default for policies pinned before it existed. */
export const faultTolerancePolicyOf = (state: Pick<CaseState, 'policy'>): FaultTolerancePolicy =>
  state.policy.faultTolerance ?? DEFAULT_FAULT_TOLERANCE_POLICY;
