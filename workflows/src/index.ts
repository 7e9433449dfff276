export { caseWorkflow } from './case.workflow';
export { faultToleranceReview } from './fault-tolerance-review.workflow';
export { reporterIdentityRetention } from './reporter-identity-retention.workflow';
export { auditCheckpointWorkflow } from './audit-checkpoint.workflow';
export { bulkReassignment } from './bulk-reassignment.workflow';
export { housekeeping, type HousekeepingInput } from './housekeeping.workflow';
