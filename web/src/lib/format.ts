import type { Lang } from '../i18n/lang';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

// Building a NumberFormat costs far more than using one, and the filters show a count per entry.
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** What Intl.NumberFormat puts between groups of three digits: a narrow no-break space in French. */
const GROUP_SEPARATOR: Record<Lang, string> = { fr: '\u202f', en: ',' };

/**
 * Counts are whole numbers, and grouping their digits needs no locale data: the first
 * NumberFormat of a page loads that data, about 150 ms on a slow phone, right when the first
 * suggestions or the first list appear. Other numbers go through Intl.
 */
export function formatNumber(n: number, lang: Lang): string {
  if (Number.isSafeInteger(n)) {
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, GROUP_SEPARATOR[lang]);
    return n < 0 ? `-${digits}` : digits;
  }
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(LOCALES[lang])));
  return format.format(n);
}

/**
 * "2024-08-01" → "01/08/2024" (fr) or "1 August 2024" (en). Read as UTC: `new Date('2024-08-01')`
 * is midnight UTC, which a browser west of Greenwich would show as the day before.
 */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    lang === 'fr'
      ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(d);
}

/** A dialable `tel:` target: sources write numbers with spaces, dots or dashes. */
export function phoneHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.replace(/\D/g, '').length >= 3 ? 'tel:' + digits : null;
}

/**
 * Only http(s) links reach an href: the data comes from many sources and a `javascript:` URL
 * must never become clickable. Sources often omit the scheme ("www.mairie.fr").
 */
export function webUrl(raw: string): URL | null {
  const text = raw.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : 'https://' + text;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** What the link shows: the address without scheme, "www." or a trailing slash. */
export const webUrlText = (url: URL) =>
  (url.host.replace(/^www\./, '') + url.pathname + url.search).replace(/\/$/, '');
