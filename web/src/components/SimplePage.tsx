import { useEffect, useRef, useState, type ReactNode } from 'react';
import { SiteFooter } from '../features/help-near-me/SiteFooter';
import { I18nProvider, storedLang, storeLang, useI18n } from '../i18n';
import { isLang, type Lang } from '../i18n/lang';
import { Link } from '../router';

/** The language of a page other than the map: the URL's, then the stored choice, then French. */
export function pageLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  return isLang(fromUrl) ? fromUrl : (storedLang() ?? 'fr');
}

/** Keeps `?lang=en` on in-app links so that a chosen language follows the person. */
export const withLang = (href: string, lang: Lang) => (lang === 'en' ? href + (href.includes('?') ? '&' : '?') + 'lang=en' : href);

/** Header (name, language switch), the page, and the footer; the h1 takes focus on arrival. */
export function SimplePage({ children }: { children: ReactNode }) {
  // Held here: switching language changes only the query string, which the router ignores.
  const [lang, setLang] = useState(pageLang);
  return (
    <I18nProvider lang={lang}>
      <Chrome onLang={setLang}>{children}</Chrome>
    </I18nProvider>
  );
}

function Chrome({ children, onLang }: { children: ReactNode; onLang: (lang: Lang) => void }) {
  const { t, lang } = useI18n();
  const otherLang = lang === 'fr' ? 'en' : 'fr';
  const switchLang = () => {
    storeLang(otherLang);
    const q = new URLSearchParams(location.search);
    q.set('lang', otherLang);
    history.replaceState(null, '', location.pathname + '?' + q.toString());
    onLang(otherLang);
  };
  return (
    <>
      <header className="site-header">
        <p className="site-title">
          <Link href={withLang('/', lang)} className="brand">
            {t.siteName}
          </Link>
          <span className="tagline">{t.tagline}</span>
        </p>
        <button type="button" className="button button-secondary button-lang" lang={otherLang} onClick={switchLang}>
          {t.switchLanguage}
        </button>
      </header>
      <main id="main" className="simple-page">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

/** The page's h1, focused when the page (or its subject) changes so screen readers start there. */
export function PageHeading({ children, focusKey }: { children: ReactNode; focusKey?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [focusKey]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
