import type { Lang } from '../../i18n/lang';
import type { DayHours } from '../../lib/api';
import type { SheetMessages } from './messages';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "09:30" → "9 h 30" in French, "9:30" in English: the way times are written on paper. */
export function formatTime(hhmm: string, lang: Lang): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm);
  if (!m) return hhmm;
  const hours = String(Number(m[1]));
  if (lang === 'en') return `${hours}:${m[2]}`;
  return m[2] === '00' ? `${hours} h` : `${hours} h ${m[2]}`;
}

/** "lundi 24 novembre" / "Monday 24 November", from the ISO date (read as UTC, like formatDate). */
export function formatDay(iso: string, lang: Lang): string {
  const d = new Date(iso + 'T00:00:00Z');
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
}

/** One line per day, in plain words: "de 9 h à 12 h et de 14 h à 17 h", "fermé (jour férié : Noël)". */
export function describeWeek(week: readonly DayHours[], lang: Lang, m: SheetMessages): { day: string; hours: string }[] {
  return week.map((d) => {
    const ranges = d.plages.map((p) => m.hoursRange(formatTime(p.debut, lang), formatTime(p.fin, lang))).join(m.and);
    const holiday = d.ferie ? ` (${m.publicHoliday(d.ferie)})` : '';
    return { day: formatDay(d.date, lang), hours: (ranges || m.closed) + holiday };
  });
}
