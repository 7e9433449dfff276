export * from './case-activities';
export * from './clock-activities';
export * from './notification-activities';
export * from './review-conclusion-activities';
export * from './retention-activities';
export * from './audit-checkpoint-activities';
export * from './reassignment-activities';
export * from './housekeeping-activities';
