import type { Lang } from '../../i18n/lang';

/** "à 850 m", "à 2,3 km", "à 12 km" / "850 m away", "2.3 km away": as precise as is useful on foot. */
export function formatDistance(metres: number, lang: Lang): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  let text: string;
  if (metres < 1000) {
    text = `${Math.max(10, Math.round(metres / 10) * 10)} m`;
    if (text === '1000 m') text = `${new Intl.NumberFormat(locale).format(1)} km`;
  } else {
    const km = metres / 1000;
    const digits = km < 10 ? 1 : 0;
    text = `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(km)} km`;
  }
  return lang === 'fr' ? `à ${text}` : `${text} away`;
}
