import { sessionNeedsTouch, sessionStanding } from './sessions';

const at = (iso: string) => new Date(`2026-03-02T${iso}Z`);
const thirtyMinutes = { idleSeconds: 1800 };

describe('sessionStanding', () => {
  it('lets a session used less than the idle limit ago go on', () => {
    expect(sessionStanding({ lastSeenAt: at('09:00:00'), endedAt: null }, at('09:29:59'), thirtyMinutes)).toBe('ACTIVE');
  });

  it('ends a session not used for the idle limit, whatever the token says', () => {
    expect(sessionStanding({ lastSeenAt: at('09:00:00'), endedAt: null }, at('09:30:00'), thirtyMinutes)).toBe('IDLE');
  });

  it('refuses a session signed out or revoked, and one never recorded', () => {
    expect(sessionStanding({ lastSeenAt: at('09:00:00'), endedAt: at('09:05:00') }, at('09:06:00'), thirtyMinutes)).toBe('ENDED');
    expect(sessionStanding(undefined, at('09:06:00'), thirtyMinutes)).toBe('UNKNOWN');
  });
});

describe('sessionNeedsTouch', () => {
  it('records a use at most once a minute under a long idle limit', () => {
    expect(sessionNeedsTouch(at('09:00:00'), at('09:00:59'), thirtyMinutes)).toBe(false);
    expect(sessionNeedsTouch(at('09:00:00'), at('09:01:00'), thirtyMinutes)).toBe(true);
  });

  it('records uses often enough to measure a short idle limit to a tenth of it', () => {
    expect(sessionNeedsTouch(at('09:00:00'), at('09:00:00.900'), { idleSeconds: 10 })).toBe(false);
    expect(sessionNeedsTouch(at('09:00:00'), at('09:00:01'), { idleSeconds: 10 })).toBe(true);
  });
});
