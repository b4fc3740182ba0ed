import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../shared/api/session';
import { translate, translateDynamic, type MessageKey, type MessageParams } from '../../shared/i18n/index';
import { htmlLang, intlTag, loadLocale, saveLocale } from './locale';

export interface I18n {
  locale: Locale;
  /** Tag for Intl formatting (es-ES, ca-ES). */
  intl: string;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** For keys built from data (states, codes): falls back to a known key. */
  tDynamic: (key: string, fallback: MessageKey, params?: MessageParams) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => loadLocale(window.localStorage));

  useEffect(() => {
    document.documentElement.lang = htmlLang(locale);
    document.title = translate(locale, 'app.name');
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    saveLocale(window.localStorage, next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      intl: intlTag(locale),
      t: (key, params) => translate(locale, key, params),
      tDynamic: (key, fallback, params) => translateDynamic(locale, key, fallback, params),
      setLocale,
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
