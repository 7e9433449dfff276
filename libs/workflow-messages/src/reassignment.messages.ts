import { defineQuery } from '@temporalio/workflow';
import type { ReassignmentProgress } from '@dandang/contracts';

/** A bulk reassignment's progress, with a result per case; answered while it runs and once it is done. */
export const reassignmentProgressQuery = defineQuery<ReassignmentProgress>('reassignmentProgress');
