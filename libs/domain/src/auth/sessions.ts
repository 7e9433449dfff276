/**
 * 登录连接超时自动退出 on the server: a session (one sign-in, one token) not used for `idleSeconds` has ended, whatever
 * the token's own expiry says. Time is a parameter, as everywhere in the domain.
 */
export interface SessionIdlePolicy {
  idleSeconds: number;
}

/** A session as recorded: when it was last used, and when it was ended (signed out, revoked), if it was. */
export interface RecordedSession {
  lastSeenAt: Date;
  endedAt: Date | null;
}

export type SessionStanding = 'ACTIVE' | 'ENDED' | 'IDLE' | 'UNKNOWN';

/** Whether a request at `now` may go on under the session: unknown, ended and idle sessions are refused alike. */
export function sessionStanding(session: RecordedSession | undefined, now: Date, policy: SessionIdlePolicy): SessionStanding {
  if (!session) return 'UNKNOWN';
  if (session.endedAt && session.endedAt <= now) return 'ENDED';
  return now.getTime() - session.lastSeenAt.getTime() >= policy.idleSeconds * 1000 ? 'IDLE' : 'ACTIVE';
}

/** Writes of last use are spaced at most this far apart, so most requests only read the session. */
const MAX_TOUCH_INTERVAL_MS = 60_000;

/**
 * Whether a request at `now` should record itself as the session's last use: at most once a minute, and often enough
 * that a short idle limit (a test's, in seconds) is still measured to within a tenth of it.
 */
export function sessionNeedsTouch(lastSeenAt: Date, now: Date, policy: SessionIdlePolicy): boolean {
  const interval = Math.min(MAX_TOUCH_INTERVAL_MS, (policy.idleSeconds * 1000) / 10);
  return now.getTime() - lastSeenAt.getTime() >= interval;
}
