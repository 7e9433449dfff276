export * from './case-activities';
export * from './clock-activities';
export * from './notification-activities';
