export * from './jest/test-services';
export * from './test-database';
export * from './factories';
export * from './case-input.factory';
export * from './case-worker-harness';
export * from './demo-case-lifecycle';
export * from './process-build';
export * from './worker-process';
