import { useEffect, useRef } from 'react';
import { I18nProvider, storedLang, useI18n } from '../i18n';
import { isLang } from '../i18n/lang';
import { Link } from '../router';

export function NotFoundPage() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const lang = isLang(fromUrl) ? fromUrl : (storedLang() ?? 'fr');
  return (
    <I18nProvider lang={lang}>
      <NotFound />
    </I18nProvider>
  );
}

function NotFound() {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main id="main" className="simple-page">
      <h1 ref={heading} tabIndex={-1}>
        {t.notFoundTitle}
      </h1>
      <p>{t.notFoundText}</p>
      <p>
        <Link href="/">{t.notFoundBackHome}</Link>
      </p>
    </main>
  );
}
