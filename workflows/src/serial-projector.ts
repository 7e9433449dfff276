import type { CaseEvent } from '@dandang/contracts';

/**
 * Writes a workflow's accepted changes to PostgreSQL one after another, in the order the workflow made them: each
 * audit event is chained to the one before it, so the writes must not overtake one another.
 */
export interface SerialProjector<S> {
  /** Queues the projection of one change; resolves once it is written. */
  project(state: S, event: CaseEvent): Promise<void>;
  /** Queues another write of the changes `versions` (several at once), in turn with the projections; resolves with its answer. */
  write<T>(versions: readonly number[], activity: () => Promise<T>): Promise<T>;
  /** Resolves once everything queued so far is written. */
  settled(): Promise<void>;
  /** The highest version written so far: a caller waits on it to answer only once its change is readable. */
  readonly projectedVersion: number;
}

/**
 * A projector over `projectActivity`, which writes one change. `projectedVersion` starts at what is already written
 * (a run continued as new carries a projected state).
 */
export function serialProjector<S>(
  projectActivity: (input: { state: S; event: CaseEvent }) => Promise<void>,
  projectedVersion = 0,
): SerialProjector<S> {
  let tail: Promise<unknown> = Promise.resolve();
  const write = <T>(versions: readonly number[], activity: () => Promise<T>): Promise<T> => {
    const written = tail.then(async () => {
      const answer = await activity();
      projectedVersion = Math.max(projectedVersion, ...versions);
      return answer;
    });
    tail = written;
    return written;
  };
  return {
    project: (state, event) => write([event.version], () => projectActivity({ state, event })),
    write,
    settled: () => tail.then(() => undefined),
    get projectedVersion() {
      return projectedVersion;
    },
  };
}
