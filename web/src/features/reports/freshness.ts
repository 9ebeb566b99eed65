import type { Lang } from '../../i18n/lang';
import { reportMessages } from './messages';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

const parse = (iso: string) => new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);

/**
 * What the public is told about how fresh a place's information is: the last check by a
 * coordinator, or a warning when the sources are more than a year old; nothing otherwise.
 */
export function freshnessText(verifieLe: string | null | undefined, dateMaj: string | null | undefined, now: Date, lang: Lang): string | null {
  const m = reportMessages[lang];
  if (verifieLe) {
    const d = parse(verifieLe);
    if (!Number.isNaN(d.getTime())) {
      const day = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(d);
      return m.verifiedOn(day);
    }
  }
  if (dateMaj) {
    const d = parse(dateMaj);
    if (!Number.isNaN(d.getTime()) && now.getTime() - d.getTime() > YEAR_MS) return m.maybeOutdated(String(d.getUTCFullYear()));
  }
  return null;
}
