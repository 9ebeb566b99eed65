import type { Lang } from '../../i18n/lang';
import type { DayHours } from '../../lib/api';
import { dayHoursText } from '../../lib/hours-wording';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "lundi 24 novembre" / "Monday 24 November", from the ISO date (read as UTC, like formatDate). */
export function formatDay(iso: string, lang: Lang): string {
  const d = new Date(iso + 'T00:00:00Z');
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
}

/** One line per day, in plain words: "de 9 h à 12 h et de 14 h à 17 h", "fermé (jour férié : Noël)". */
export function describeWeek(week: readonly DayHours[], lang: Lang): { day: string; hours: string }[] {
  return week.map((d) => ({ day: formatDay(d.date, lang), hours: dayHoursText(d, lang) }));
}
