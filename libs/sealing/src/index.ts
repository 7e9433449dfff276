export * from './master-keys';
export * from './key-ring';
