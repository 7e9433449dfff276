export * from './case-worker';
export * from './workflow-bundle';
