/** 容错纠错: the assessment and its recommendation, the negative list, determination by quorum, and the review's steps. */
export * from './assessment';
export * from './assessment-validation';
export * from './determination';
export * from './exclusions';
export * from './policy';
export * from './severity';
export * from './review-steps';
export * from './review-clock';
