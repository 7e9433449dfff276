export * from './org-unit.entity';
export * from './user.entity';
export * from './case-record.entity';
export * from './case-reporter.entity';
export * from './audit-event.entity';
export * from './idempotency-key.entity';
export * from './fault-tolerance-review.entity';
export * from './official-effect.entity';
