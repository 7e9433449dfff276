import { QueryFailedError } from 'typeorm';

/** Errors of the socket to PostgreSQL: the server is down, restarting or unreachable. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * True when a request failed because PostgreSQL could not be reached or went away under it (stopped, restarting,
 * the connection cut): the request may be retried, so the caller is told 503, not 500. SQLSTATE class 08 is
 * "connection exception"; 57P01–57P03 are an administrator's or a crash's shutdown and "cannot connect now"
 * (starting up or shutting down). pg reports a cut connection without a code, by its message.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  // Read as plain fields, not through instanceof Error: socket errors come from Node's own realm, which differs
  // from the code's under Jest.
  if (typeof cause !== 'object' || cause === null) return false;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || /^08/.test(code) || /^57P0[123]$/.test(code))) return true;
  return typeof message === 'string' && /^Connection terminated/.test(message);
}
