/**
 * The case and its actions: the legal stage moves, who may take which action when, the payload each action takes,
 * the check that refuses an action and the change an accepted one makes, the actions a user could take now, and the
 * state a registered case starts in. The per-action rules live in tables keyed by action (`action-handlers`).
 */
export * from './stage-transitions';
export * from './action-rules';
export * from './action-handlers';
export * from './payload-validation';
export * from './check-action';
export * from './apply-action';
export * from './available-actions';
export * from './task-holders';
export * from './new-case';
export * from './registration';
export * from './persons';
export * from './findings';
export * from './statements';
export * from './trial';
export * from './collective-decision';
export * from './decision-execution';
export * from './procedure-actions';
export * from './decision-rules';
export * from './inquiry-team';
export * from './start-order';
