import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Role } from '@dandang/contracts';
import { api, configureApi } from '../api/client';
import type { LoginResponse, SessionUser } from '@dandang/contracts';

interface Session {
  user: SessionUser | null;
  /** Set when the session ended by itself after IDLE_SIGN_OUT_MS without activity, until the next sign-in. */
  signedOutIdle: boolean;
  /** Set when the server refused the session's token (timed out, signed out elsewhere, revoked), until the next sign-in. */
  sessionEnded: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
  hasRole(...roles: Role[]): boolean;
  /** The user changed the password an administrator set: the rest of the app opens. */
  passwordChanged(): void;
}

const STORAGE_KEY = 'dandang.session';
/** 登录连接超时自动退出: a session with no pointer or key activity for this long signs itself out. */
export const IDLE_SIGN_OUT_MS = 30 * 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const SessionContext = createContext<Session | null>(null);

interface Stored {
  token: string;
  user: SessionUser;
}

function load(): Stored | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

/** The signed-in user and their bearer token (kept for this browser tab only). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<Stored | null>(load);
  const [signedOutIdle, setSignedOutIdle] = useState(false);
  const [sessionEnded, setSessionEnded] = useState(false);

  /** Forgets the session here, and asks the server to refuse its token from now on (its answer changes nothing here). */
  const signOut = useCallback(() => {
    const ending = load();
    sessionStorage.removeItem(STORAGE_KEY);
    setStored(null);
    if (ending) void api('/auth/logout', { method: 'POST', bearer: ending.token }).catch(() => undefined);
  }, []);
  /** A 401 on a signed-in request: the server has ended the session; back to the login page, saying why. */
  const sessionRefused = useCallback(() => {
    if (!load()) return;
    sessionStorage.removeItem(STORAGE_KEY);
    setStored(null);
    setSessionEnded(true);
  }, []);
  configureApi(() => stored?.token ?? null, sessionRefused);

  const signIn = useCallback(async (username: string, password: string) => {
    const res = await api<LoginResponse>('/auth/login', { method: 'POST', body: { username, password }, anonymous: true });
    const next = { token: res.accessToken, user: res.user };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    configureApi(() => next.token, sessionRefused);
    setSignedOutIdle(false);
    setSessionEnded(false);
    setStored(next);
  }, [sessionRefused]);

  const passwordChanged = useCallback(() => {
    const current = load();
    if (!current) return;
    const next = { ...current, user: { ...current.user, mustChangePassword: false } };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setStored(next);
  }, []);

  useEffect(() => {
    if (!stored) return;
    let lastActivity = Date.now();
    const touch = () => {
      lastActivity = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, touch, { passive: true });
    const check = window.setInterval(() => {
      if (Date.now() - lastActivity < IDLE_SIGN_OUT_MS) return;
      setSignedOutIdle(true);
      signOut();
    }, 15_000);
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, touch);
      window.clearInterval(check);
    };
  }, [stored, signOut]);

  const value = useMemo<Session>(
    () => ({
      user: stored?.user ?? null,
      signedOutIdle,
      sessionEnded,
      signIn,
      signOut,
      hasRole: (...roles) => roles.some((r) => stored?.user.roles.includes(r)),
      passwordChanged,
    }),
    [stored, signedOutIdle, sessionEnded, signIn, signOut, passwordChanged],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
