import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Label } from '@dandang/contracts';
import { MESSAGES, type MessageKey } from './messages';

export type Lang = 'zh' | 'en';

interface LocaleValue {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The interface's own words, with `{name}` placeholders filled in. */
  t(key: MessageKey, vars?: Record<string, string>): string;
  /** A domain label from @dandang/contracts, in the current language. */
  l(label: Label | undefined | null): string;
}

const STORAGE_KEY = 'dandang.lang';
const LocaleContext = createContext<LocaleValue | null>(null);

function initialLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLangState(next);
  }, []);
  const value = useMemo<LocaleValue>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => fill(MESSAGES[key][lang], vars),
      l: (label) => (label ? label[lang] : ''),
    }),
    [lang, setLang],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

function fill(text: string, vars?: Record<string, string>): string {
  return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '') : text;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}
