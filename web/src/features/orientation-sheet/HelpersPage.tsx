import { useEffect, useRef, useState } from 'react';
import { I18nProvider, storedLang, type Lang } from '../../i18n';
import { isLang } from '../../i18n/lang';
import { Link } from '../../router';
import { INITIAL_URL_STATE, serializeUrlState } from '../../state/url-state';
import { SHEET_MESSAGES, useSheetMessages } from './messages';
import { DocumentTitle } from './DocumentTitle';
import { CNIL_LINKS } from './SafeUseAdvice';
import { useSelection } from './selection';
import { sheetHref } from './sheet-url';
import './orientation-sheet.css';

const CNIL_HOME = 'https://www.cnil.fr';
const AIDANTS_CONNECT = 'https://aidantsconnect.beta.gouv.fr';
// The map filtered on the label: "/?labels=aidants-connect".
const AIDANTS_CONNECT_ON_MAP = `/${serializeUrlState({ ...INITIAL_URL_STATE, labels: ['aidants-connect'] })}`;
const LES_BONS_CLICS = 'https://www.lesbonsclics.fr';

function pageLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  return isLang(fromUrl) ? fromUrl : (storedLang() ?? 'fr');
}

/** "Pour les aidants": how to use the sheet, and the official rules and resources, as plain links. */
export default function HelpersPage() {
  const [lang] = useState(pageLang);
  return (
    <>
      <I18nProvider lang={lang}>
        <Helpers lang={lang} />
      </I18nProvider>
      <DocumentTitle title={SHEET_MESSAGES[lang].helpersDocumentTitle} />
    </>
  );
}

function Helpers({ lang }: { lang: Lang }) {
  const m = useSheetMessages();
  const ids = useSelection();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const external = (href: string, text: string) => (
    <a href={href} rel="noopener noreferrer" hrefLang="fr">
      {text}
    </a>
  );

  return (
    <div className="helpers-page">
      <header className="sheet-toolbar">
        <Link href="/">{m.backToMap}</Link>
        <Link href={sheetHref({ ids: [...ids], lang, large: false })}>{m.openSheet}</Link>
      </header>
      <main id="main">
        <h1 ref={heading} tabIndex={-1}>
          {m.helpersTitle}
        </h1>
        <p>{m.helpersIntro}</p>

        <section aria-labelledby="helpers-sheet">
          <h2 id="helpers-sheet">{m.helpersSheetTitle}</h2>
          <ol>
            {m.helpersSheetSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p>{m.helpersPrivacy}</p>
        </section>

        <section aria-labelledby="helpers-mandate">
          <h2 id="helpers-mandate">{m.mandateTitle}</h2>
          <p>{m.mandateText}</p>
          <p>{external(CNIL_HOME, m.cnilSite)}</p>
        </section>

        <section aria-labelledby="helpers-charter">
          <h2 id="helpers-charter">{m.charterTitle}</h2>
          <p>{m.charterText}</p>
        </section>

        <section aria-labelledby="helpers-aidants-connect">
          <h2 id="helpers-aidants-connect">{m.aidantsConnectTitle}</h2>
          <p>{m.aidantsConnectText}</p>
          <p>{external(AIDANTS_CONNECT, m.aidantsConnectSite)}</p>
          <p>
            <Link href={AIDANTS_CONNECT_ON_MAP}>{m.aidantsConnectMap}</Link>
          </p>
        </section>

        <section aria-labelledby="helpers-security">
          <h2 id="helpers-security">{m.securityTitle}</h2>
          <p>{m.securityText}</p>
          <ul>
            {CNIL_LINKS.map((l) => (
              <li key={l.key}>{external(l.href, m[l.key])}</li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="helpers-resources">
          <h2 id="helpers-resources">{m.resourcesTitle}</h2>
          <p>{m.resourcesText}</p>
          <p>{external(LES_BONS_CLICS, m.resourcesSite)}</p>
        </section>
      </main>
    </div>
  );
}
