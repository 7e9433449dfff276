import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { NotificationItem } from '@dandang/contracts';

interface Unread {
  /** Unread notifications of the signed-in user; null until first loaded (or when loading failed). */
  count: number | null;
  refresh(): void;
}

const UnreadContext = createContext<Unread>({ count: null, refresh: () => undefined });
const POLL_MS = 15_000;
/** The API's largest page: the header shows "199+" beyond it. */
export const UNREAD_LIMIT = 200;

/** Polls GET /api/notifications?unread=true for the header's badge; the Notifications page refreshes it. */
export function UnreadProvider({ children }: { children: ReactNode }) {
  const [count, setCount] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      api<NotificationItem[]>(`/notifications?unread=true&limit=${UNREAD_LIMIT}`, { signal: controller.signal }).then(
        (items) => setCount(items.length),
        () => undefined, // the badge is a hint: a failed poll keeps the last count
      );
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [tick]);
  const value = useMemo(() => ({ count, refresh }), [count, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnread(): Unread {
  return useContext(UnreadContext);
}
