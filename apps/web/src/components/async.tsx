import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Empty, Spin } from 'antd';
import { ApiError } from '../api/client';
import { useLocale } from '../i18n/locale';

export interface Async<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
}

/** Runs `load` when `deps` change (aborting the previous run) and on reload(). */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, loading: false }),
      (error: Error) => !controller.signal.aborted && setState({ error, loading: false }),
    );
    return () => controller.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

/** Loading, error (with a retry) and empty states around a loaded value. */
export function AsyncView<T>({
  state,
  children,
  isEmpty,
  empty,
}: {
  state: Async<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
}) {
  const { t } = useLocale();
  if (state.error) {
    // A 404 is an answer, not a failure: the thing is not there, or not the user's to see, and a retry won't change it.
    const absent = state.error instanceof ApiError && state.error.status === 404;
    return (
      <Alert
        type={absent ? 'warning' : 'error'}
        showIcon
        title={absent ? t('notFoundOrHidden') : t('loadFailed')}
        description={state.error.message}
        action={absent ? undefined : <Button onClick={state.reload}>{t('retry')}</Button>}
      />
    );
  }
  if (state.data === undefined) {
    return (
      <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
        <Spin description={t('loading')} />
      </div>
    );
  }
  if (isEmpty?.(state.data)) return <>{empty ?? <Empty description={t('empty')} />}</>;
  return <Spin spinning={state.loading}>{children(state.data)}</Spin>;
}
