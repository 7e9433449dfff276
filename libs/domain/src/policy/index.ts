/**
 * What an administrator publishes and a new case pins: the default policy, and the checks a policy or a calendar
 * must pass before it is published. The calendar's publication check lives here, beside the policy's, rather than
 * in calendar/: it is about what may be published (shape, field names), while calendar/ is the arithmetic of days
 * that the clocks run on and depends on nothing above it.
 */
export * from './default-policy';
export * from './policy-validation';
export * from './calendar-publication';
export * from './reporter-retention';
export * from './decision-policy';
