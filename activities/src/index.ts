export * from './case-activities';
