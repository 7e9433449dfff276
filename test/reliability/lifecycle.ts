import { SERVED_LIFECYCLE } from '@dandang/testing';

/** The lifecycle lives in libs/testing, shared with the benchmark. */
export { SERVED_LIFECYCLE, type LifecycleStep } from '@dandang/testing';

export const SERVED_TIMELINE = ['registerClue', ...SERVED_LIFECYCLE.map((s) => s.action)];
