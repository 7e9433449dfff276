/**
 * Every patch a workflow branches on (`patched(...)`), one constant each with why; workflows/README.md says when each
 * is deprecated and removed.
 */

/** The review tells its case its conclusion by an Update the case validates (from an activity), not an unchecked signal. */
export const REVIEW_CONCLUSION_UPDATE = 'review-conclusion-update';

/** A case takes calendar years published after it started (signal `calendarPublished`) and recounts its stage clock. */
export const CALENDAR_YEARS = 'calendar-years-v2';

/** A working-day clock places its reminders and cards at start of business on working days, not at time fractions. */
export const WORKING_DAY_RUNGS = 'working-day-rungs';

/** INTAKE and the first disposition count from the clue's receipt (which may precede registration), not the stage's start. */
export const CLOCKS_FROM_RECEIPT = 'clocks-from-receipt';

/**
 * A review started with its case's calendar (input `clock`) times its steps (docs/domain.md §e rows 22–25) and fires
 * their rungs as events of its own stream; reviews started without one keep no clock, as before.
 */
export const REVIEW_STEP_CLOCKS = 'review-step-clocks';
