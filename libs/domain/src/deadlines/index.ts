/** A stage's clock: its time limit on the pinned calendar, its ladder of reminders and cards, suspension and extension. */
export * from './duration';
export * from './stage-clock';
export * from './step-clock';
