import type { Lang } from '../i18n/lang';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export const nombre = (n: number, lang: Lang) => new Intl.NumberFormat(LOCALES[lang]).format(n);

/**
 * "2024-08-01" → "01/08/2024" (fr) or "1 August 2024" (en). Read as UTC: `new Date('2024-08-01')`
 * is midnight UTC, which a browser west of Greenwich would show as the day before.
 */
export function dateLisible(iso: string, lang: Lang): string {
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    lang === 'fr'
      ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(d);
}

/** A dialable `tel:` target: sources write numbers with spaces, dots or dashes. */
export function lienTelephone(tel: string): string | null {
  const chiffres = tel.replace(/[^\d+]/g, '');
  return chiffres.replace(/\D/g, '').length >= 3 ? 'tel:' + chiffres : null;
}

/**
 * Only http(s) links reach an href: the data comes from many sources and a `javascript:` URL
 * must never become clickable. Sources often omit the scheme ("www.mairie.fr").
 */
export function lienWeb(brut: string): URL | null {
  const texte = brut.trim();
  if (!texte) return null;
  const avecSchema = /^[a-z][a-z0-9+.-]*:/i.test(texte) ? texte : 'https://' + texte;
  try {
    const url = new URL(avecSchema);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** What the link shows: the address without scheme, "www." or a trailing slash. */
export const texteLienWeb = (url: URL) =>
  (url.host.replace(/^www\./, '') + url.pathname + url.search).replace(/\/$/, '');
