export { caseWorkflow } from './case.workflow';
export { faultToleranceReview } from './fault-tolerance-review.workflow';
