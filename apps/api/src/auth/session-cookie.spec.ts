import { SESSION_COOKIE, isJsonRequest, sessionCookieOptions, sessionCookieToken } from './session-cookie';

describe('the session cookie of the Temporal UI codec calls', () => {
  it('is Secure in production only, and always HttpOnly, SameSite=Strict, on the codec path', () => {
    expect(sessionCookieOptions(true)).toEqual({ httpOnly: true, sameSite: 'strict', path: '/api/temporal-codec', secure: true });
    expect(sessionCookieOptions(false)).toMatchObject({ httpOnly: true, sameSite: 'strict', path: '/api/temporal-codec', secure: false });
  });

  it('is read from a Cookie header among others, and not from a cookie of a like name or an empty one', () => {
    expect(sessionCookieToken(`a=1; ${SESSION_COOKIE}=x.y.z; b=2`)).toBe('x.y.z');
    expect(sessionCookieToken(`${SESSION_COOKIE}x=x.y.z; x${SESSION_COOKIE}=x.y.z`)).toBeUndefined();
    expect(sessionCookieToken(`${SESSION_COOKIE}=`)).toBeUndefined();
    expect(sessionCookieToken(undefined)).toBeUndefined();
  });

  it('is taken only with a JSON body, which a page of another origin cannot send without a preflight', () => {
    expect(isJsonRequest('application/json')).toBe(true);
    expect(isJsonRequest('Application/JSON; charset=utf-8')).toBe(true);
    for (const simple of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', undefined]) {
      expect({ simple, json: isJsonRequest(simple) }).toEqual({ simple, json: false });
    }
  });
});
