export * from './master-keys';
export * from './key-ring';
export * from './payload-codec';
