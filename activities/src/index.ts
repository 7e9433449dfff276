export * from './case-activities';
export * from './notification-activities';
