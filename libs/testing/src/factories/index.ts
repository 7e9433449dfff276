export * from './case-state.factory';
export * from './aftercare.factory';
