export * from './audit.repository';
export * from './case-projection.repository';
export * from './case-read.repository';
export * from './user.repository';
export * from './reporter.repository';
export * from './idempotency.repository';
