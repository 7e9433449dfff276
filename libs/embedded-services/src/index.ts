export * from './free-port';
export * from './temporal-cli';
export * from './temporal-server';
export * from './build-lock';
export * from './temporal-dev-server';
export * from './embedded-postgres';
export * from './postgres-process';
export * from './minio';
