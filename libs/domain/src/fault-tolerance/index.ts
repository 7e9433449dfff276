export * from './assessment';
export * from './assessment-validation';
export * from './determination';
export * from './exclusions';
export * from './policy';
export * from './severity';
export * from './review-steps';
