export { caseWorkflow } from './case.workflow';
export { faultToleranceReview } from './fault-tolerance-review.workflow';
export { reporterIdentityRetention } from './reporter-identity-retention.workflow';
export { auditCheckpointWorkflow } from './audit-checkpoint.workflow';
