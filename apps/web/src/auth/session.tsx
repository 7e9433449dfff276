import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Role } from '@dandang/contracts';
import { api, configureApi } from '../api/client';
import type { LoginResponse, SessionUser } from '../api/types';

interface Session {
  user: SessionUser | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
  hasRole(...roles: Role[]): boolean;
}

const STORAGE_KEY = 'dandang.session';
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

  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setStored(null);
  }, []);
  configureApi(() => stored?.token ?? null, signOut);

  const signIn = useCallback(async (username: string, password: string) => {
    const res = await api<LoginResponse>('/auth/login', { method: 'POST', body: { username, password }, anonymous: true });
    const next = { token: res.accessToken, user: res.user };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    configureApi(() => next.token, signOut);
    setStored(next);
  }, [signOut]);

  const value = useMemo<Session>(
    () => ({
      user: stored?.user ?? null,
      signIn,
      signOut,
      hasRole: (...roles) => roles.some((r) => stored?.user.roles.includes(r)),
    }),
    [stored, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
