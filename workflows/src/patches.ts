/**
 * Every patch a workflow branches on (`patched(...)`), one constant each with why; workflows/README.md says when each
 * is deprecated and removed.
 */

/** The review tells its case its conclusion by an Update the case validates (from an activity), not an unchecked signal. */
export const REVIEW_CONCLUSION_UPDATE = 'review-conclusion-update';
