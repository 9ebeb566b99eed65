import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import en from './en';
import fr, { type Messages } from './fr';
import type { Lang } from './lang';

export { storedLang, storeLang, type Lang } from './lang';
export type { Messages } from './fr';

const MESSAGES: Record<Lang, Messages> = { fr, en };

interface I18n {
  lang: Lang;
  t: Messages;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = MESSAGES[lang].documentTitle;
  }, [lang]);
  const value = useMemo(() => ({ lang, t: MESSAGES[lang] }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
  return i18n;
}

/** The API gives every vocabulary entry in both languages. */
export const labelOf = (entry: { label: string; label_en: string }, lang: Lang) =>
  lang === 'en' ? entry.label_en || entry.label : entry.label;
