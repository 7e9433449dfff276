/**
 * Sealed reporter identity (检举控告人信息保密): an intake officer asks with a reason, a custodian (保密责任人, named
 * by the policy) approves or refuses, and only then, for a time the policy sets, is the identity shown to that officer.
 */
export * from './policy';
export * from './reveal-actions';
export * from './reveal-grant';
export * from './reporter-notices';
