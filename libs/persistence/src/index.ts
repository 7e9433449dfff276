export * from './entities';
export * from './audit-hash';
export * from './data-source';
export * from './password-hash';
export * from './repositories';
export * from './seed/demo-data';
