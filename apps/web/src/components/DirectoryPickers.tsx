import { useEffect, useState, type CSSProperties } from 'react';
import { Input, Select } from 'antd';
import type { Role } from '@dandang/contracts';
import { api, query } from '../api/client';
import type { DirectoryOrgUnit, DirectoryUser } from '@dandang/contracts';
import { useSession } from '../auth/session';
import { useLocale } from '../i18n/locale';

/** One request per list and signed-in user for the whole tab; a failed one is forgotten, so it is tried again. */
const cache = new Map<string, Promise<unknown>>();

function load<T>(key: string, path: string): Promise<T> {
  let pending = cache.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = api<T>(path);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

/** A directory list of the caller's subtree: undefined while loading, `failed` when it could not be had. */
function useDirectory<T>(path: string): { items?: T[]; failed: boolean } {
  const { user } = useSession();
  const key = `${user?.id ?? ''} ${path}`;
  const [state, setState] = useState<{ key: string; items?: T[]; failed: boolean }>({ key, failed: false });
  useEffect(() => {
    let live = true;
    load<T[]>(key, path).then(
      (items) => live && setState({ key, items, failed: false }),
      () => live && setState({ key, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [key, path]);
  return state.key === key ? state : { failed: false };
}

export function useDirectoryUsers(role?: Role) {
  return useDirectory<DirectoryUser>(`/users${query({ role })}`);
}

export function useDirectoryOrgUnits() {
  return useDirectory<DirectoryOrgUnit>('/org-units');
}

interface PickerProps {
  value?: string;
  onChange?(value: string | undefined): void;
  id?: string;
  'aria-label'?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
}

const UUID_PLACEHOLDER = 'UUID';

/** The typed ID, only when the directory could not be loaded. */
function Fallback({ value, onChange, placeholder, ...rest }: PickerProps) {
  return (
    <Input
      {...rest}
      data-directory-fallback
      value={value}
      placeholder={placeholder ? `${placeholder} (UUID)` : UUID_PLACEHOLDER}
      onChange={(e) => onChange?.(e.target.value)}
    />
  );
}

const matches = (input: string, ...texts: string[]) => texts.some((text) => text.toLowerCase().includes(input.trim().toLowerCase()));

/** A searchable choice of the active users of the caller's subtree (by name or username), optionally by role. */
export function UserPicker({ role, ...props }: PickerProps & { role?: Role }) {
  const { t } = useLocale();
  const { items, failed } = useDirectoryUsers(role);
  if (failed) return <Fallback {...props} />;
  return (
    <Select
      {...props}
      data-user-picker={role ?? 'ANY'}
      showSearch={{ filterOption: (input, option) => matches(input, String(option?.label ?? ''), option?.username ?? '') }}
      loading={!items}
      notFoundContent={items ? undefined : t('loading')}
      placeholder={props.placeholder ?? t('pickUser')}
      options={(items ?? []).map((u) => ({ value: u.id, label: u.displayName, username: u.username }))}
      optionRender={(option) => `${option.data.label}（${option.data.username}）`}
    />
  );
}

/** Several active users of the caller's subtree, optionally by role (an inquiry team's officers). */
export function UsersPicker({ role, value, onChange, ...props }: Omit<PickerProps, 'value' | 'onChange'> & { role?: Role; value?: string[]; onChange?(value: string[]): void }) {
  const { t } = useLocale();
  const { items } = useDirectoryUsers(role);
  return (
    <Select
      {...props}
      mode="multiple"
      value={value}
      onChange={onChange}
      data-user-picker={role ?? 'ANY'}
      showSearch={{ filterOption: (input, option) => matches(input, String(option?.label ?? ''), option?.username ?? '') }}
      loading={!items}
      placeholder={props.placeholder ?? t('pickUser')}
      options={(items ?? []).map((u) => ({ value: u.id, label: u.displayName, username: u.username }))}
    />
  );
}

/** A searchable choice of the org units of the caller's subtree, indented under their parents. */
export function OrgUnitPicker(props: PickerProps) {
  const { t } = useLocale();
  const { items, failed } = useDirectoryOrgUnits();
  if (failed) return <Fallback {...props} />;
  const top = items?.[0] ? depth(items[0].path) : 0;
  return (
    <Select
      {...props}
      data-org-unit-picker
      showSearch={{ filterOption: (input, option) => matches(input, String(option?.label ?? ''), option?.code ?? '') }}
      loading={!items}
      notFoundContent={items ? undefined : t('loading')}
      placeholder={props.placeholder ?? t('pickOrgUnit')}
      options={(items ?? []).map((u) => ({ value: u.id, label: u.name, code: u.code, indent: depth(u.path) - top }))}
      optionRender={(option) => <span style={{ paddingLeft: 16 * (option.data.indent ?? 0) }}>{option.data.label}</span>}
    />
  );
}

const depth = (path: string) => path.split('/').filter(Boolean).length;
