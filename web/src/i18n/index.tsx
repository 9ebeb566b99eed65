import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import en from './en';
import fr, { type Messages } from './fr';
import { estLang, type Lang } from './lang';

export type { Lang } from './lang';
export type { Messages } from './fr';

const MESSAGES: Record<Lang, Messages> = { fr, en };

const CLE_STOCKAGE = 'reperes.langue';

interface I18n {
  lang: Lang;
  t: Messages;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = MESSAGES[lang].titreDocument;
  }, [lang]);
  const valeur = useMemo(() => ({ lang, t: MESSAGES[lang] }), [lang]);
  return <I18nContext.Provider value={valeur}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
  return i18n;
}

/** The API gives every vocabulary entry in both languages. */
export const libelle = (entree: { label: string; label_en: string }, lang: Lang) =>
  lang === 'en' ? entree.label_en || entree.label : entree.label;

// Storage can throw (private mode, disabled cookies): the choice then lasts only in the URL.
export function langueMemorisee(): Lang | null {
  try {
    const valeur = localStorage.getItem(CLE_STOCKAGE);
    return estLang(valeur) ? valeur : null;
  } catch {
    return null;
  }
}

export function memoriserLangue(lang: Lang): void {
  try {
    localStorage.setItem(CLE_STOCKAGE, lang);
  } catch {
    // See langueMemorisee.
  }
}
