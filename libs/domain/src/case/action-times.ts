import { invalidInput } from '../errors';

/** Times typed by officers may run this far ahead of the server clock (clock skew between offices). */
export const SKEW_MS = 5 * 60_000;

/** Refuses a time of something already done that lies in the future. */
export function notInFuture(at: string, field: string, now: Date): void {
  if (Date.parse(at) > now.getTime() + SKEW_MS) throw invalidInput([{ field, message: 'must not be in the future' }]);
}
