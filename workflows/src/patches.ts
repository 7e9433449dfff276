/** Patch ids of the workflows (`patched()`): each names a change that running workflows replay without. */

/** Stage clocks (reminders, cards, escalation) exist from this version on; older runs replay without them. */
export const STAGE_CLOCKS_PATCH = 'stage-clocks-v1';
/**
 * Fault tolerance (review child workflows), correction, appeal, name clearing and follow-up, with clocks for
 * correction items and the appeal window; the case ends only once its aftercare is done. Older runs replay without.
 */
export const AFTERCARE_PATCH = 'aftercare-v1';
/**
 * Projections run as local activities, in the workflow task that accepted the change, and a clock firing is one
 * activity (projection and notices) instead of three: an action or a rung costs one workflow task instead of
 * three or more, which was what held actions and rungs up on a busy server. Older runs replay with activities.
 */
export const LOCAL_PROJECTION_PATCH = 'local-projection-v1';
/**
 * Projections and clock firings run as activities again, after the workflow task that made the change is in the
 * history. A local activity writes to PostgreSQL inside a task that is not committed yet: when the worker or Temporal
 * dies before the task completes, the change is made again in a new task (at another time, or after another Update
 * that came first), while the audit trail (append-only) and the row (version-guarded) keep the first attempt: a
 * change the workflow never made. Runs that recorded local-projection-v1 without this patch replay as they ran.
 */
export const PROJECTION_AFTER_COMMIT_PATCH = 'projection-after-commit-v1';
/**
 * A clock firing records its rungs and notices in one activity (recordClockFirings), scheduled after the task that
 * fired them is in the history, instead of three (projectCase, notifyDeadline, deliverWebhook); the webhook
 * delivery is scheduled only when a webhook is configured. Rungs queued behind one another on a busy server.
 */
export const CLOCK_FIRING_ACTIVITY_PATCH = 'clock-firing-activity-v1';
