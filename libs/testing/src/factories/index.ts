export * from './case-state.factory';
