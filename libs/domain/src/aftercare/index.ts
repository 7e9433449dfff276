/** What follows a determination or a decision: correction plans, appeals, name clearing, follow-up visits, and their clocks. */
export * from './apply-aftercare';
export * from './check-aftercare';
export * from './clocks';
export * from './follow-up';
export * from './impact-periods';
export * from './months';
export * from './open-aftercare';
export * from './person-appeals';
export * from './policy-of';
export * from './review-effects';
export * from './step-clocks';
