import type { SheetMessages } from './messages';

const CNIL_PASSWORDS = 'https://www.cnil.fr/fr/les-conseils-de-la-cnil-pour-un-bon-mot-de-passe';
const CNIL_REFLEXES = 'https://www.cnil.fr/fr/cybersecurite/securite-les-bons-reflexes';

export const OFFICIAL_SITES = [
  { key: 'caf', href: 'https://www.caf.fr' },
  { key: 'ameli', href: 'https://www.ameli.fr' },
  { key: 'francetravail', href: 'https://www.francetravail.fr' },
  { key: 'impots', href: 'https://www.impots.gouv.fr' },
  { key: 'ants', href: 'https://ants.gouv.fr' },
] as const;

export const CNIL_LINKS = [
  { key: 'cnilPasswords', href: CNIL_PASSWORDS },
  { key: 'cnilReflexes', href: CNIL_REFLEXES },
] as const;

/**
 * Safe-use advice printed on every sheet, in our own words, with plain links to the official
 * sources (nothing is fetched from them: no favicon, no embed).
 */
export function SafeUseAdvice({ m, headingLevel = 2 }: { m: SheetMessages; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="sheet-advice">
      <Heading>{m.adviceTitle}</Heading>
      <ul>
        {m.advice.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        {m.adviceSources}{' '}
        {CNIL_LINKS.map((l, i) => (
          <span key={l.key}>
            {i > 0 && ' · '}
            <a className="print-url" href={l.href} hrefLang="fr" rel="noopener noreferrer">
              {m[l.key]}
            </a>
          </span>
        ))}
      </p>
      <p>{m.officialSites}</p>
      <ul className="sheet-official">
        {OFFICIAL_SITES.map((s) => (
          <li key={s.key}>
            <a href={s.href} rel="noopener noreferrer">
              {m[s.key]}
            </a>{' '}
            <span className="sheet-official-url">{s.href.replace('https://', '')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
