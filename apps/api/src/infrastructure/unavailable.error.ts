/** A dependency (Temporal, PostgreSQL) did not answer in time; the outcome of the request may be unknown. */
export class UnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}
