/**
 * The browser's view of the contracts (apps/web): labels, stages, roles, enums and action specs, without the
 * Temporal message definitions that index.ts also exports (they import @temporalio/* and stay server-side).
 */
export * from './labels';
export * from './stages';
export * from './roles';
export * from './enums';
export * from './action-fields';
export * from './actions';
export type * from './case-state';
export * from './aftercare';
export * from './deadlines';
export * from './fault-tolerance';
export { REVIEW_ACTION_NAMES, REVIEW_ACTION_SPECS, type ReviewActionName, type ReviewState, type ReviewStatus } from './fault-tolerance-review';
export * from './read-model';
export * from './case-number';
