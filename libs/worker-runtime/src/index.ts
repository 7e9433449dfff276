export * from './case-worker';
export * from './workflow-bundle';
export * from './retention-schedule';
export * from './audit-checkpoint-schedule';
