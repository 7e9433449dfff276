export * from './case-state.factory';
export * from './aftercare.factory';
export * from './assessment.factory';
export * from './review.factory';
