export * from './jest/test-services';
export * from './test-database';
export * from './factories';
export * from './case-input.factory';
export * from './case-worker-harness';
export * from './demo-case-lifecycle';
export * from './process-build';
export * from './worker-process';
export * from './sql-statements';
export * from './sealed-payloads';
export * from './case-with-review';
// The S3 file store's tests run against a real MinIO (libs/persistence may import only libs/testing for tests).
export { locateMinio } from '@dandang/embedded-services/minio';
