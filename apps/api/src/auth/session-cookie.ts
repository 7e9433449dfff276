import type { CookieOptions, Response } from 'express';

/**
 * The session's token as a cookie, for the Temporal Web UI's codec calls alone: the UI cannot send our bearer token,
 * but on the same host it can send this cookie (TEMPORAL_CODEC_INCLUDE_CREDENTIALS). HttpOnly, so no script reads it;
 * SameSite=Strict and a path under the codec route, so browsers send it nowhere else; the guard accepts it only on
 * routes marked @AcceptsSessionCookie().
 */
export const SESSION_COOKIE = 'dandang_codec_session';

/** The codec controller's path under the global prefix: the only place the browser sends the cookie. */
export const SESSION_COOKIE_PATH = '/api/temporal-codec';

/** A token's lifetime (the JWT's expiry, and the cookie's Max-Age); sign-out and the idle limit end it sooner. */
export const SESSION_LIFETIME_SECONDS = 8 * 60 * 60;

/** The cookie's attributes: Secure in production, where browsers reach the API over HTTPS. */
export function sessionCookieOptions(production: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: SESSION_COOKIE_PATH, secure: production };
}

export function setSessionCookie(response: Response, token: string, production: boolean): void {
  response.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(production), maxAge: SESSION_LIFETIME_SECONDS * 1000 });
}

export function clearSessionCookie(response: Response, production: boolean): void {
  response.clearCookie(SESSION_COOKIE, sessionCookieOptions(production));
}

/** The session cookie's value in a Cookie header, if it holds one. */
export function sessionCookieToken(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === SESSION_COOKIE) return pair.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * A cookie rides along on any request a browser sends, so it is taken only with a JSON body: a page of another origin
 * cannot send that without a CORS preflight, which only TEMPORAL_CODEC_CORS_ORIGINS pass (CodecCorsMiddleware).
 */
export function isJsonRequest(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}
