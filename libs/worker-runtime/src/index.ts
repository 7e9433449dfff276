export * from './case-worker';
export * from './workflow-bundle';
export * from './retention-schedule';
export * from './audit-checkpoint-schedule';
export * from './housekeeping-schedule';
export * from './telemetry';
export * from './telemetry-headers';
export * from './telemetry-tracing';
