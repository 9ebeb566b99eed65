import type { DayHours } from '@reperes/api/contract/responses.ts';
import type { Lang } from '../i18n/lang';

/**
 * How opening times are written, the same in the list, the place page, the sheet and the
 * coordinators' preview: French "9 h", "13 h 30"; English on the 24-hour clock, "9:00", "13:30"
 * (never am/pm beside a 24-hour time elsewhere on the page).
 */

/** Minutes since midnight as a clock time: 570 → "9 h 30" / "9:30". */
export function clockOfMinutes(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = String(minutes % 60).padStart(2, '0');
  if (lang === 'en') return `${h}:${m}`;
  return m === '00' ? `${h} h` : `${h} h ${m}`;
}

/** "09:30" (the API's and OSM's wall-clock time) → "9 h 30" / "9:30"; anything else as it is. */
export function clockText(hhmm: string, lang: Lang): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return match ? clockOfMinutes(Number(match[1]) * 60 + Number(match[2]), lang) : hhmm;
}

// Building a DateTimeFormat costs far more than using one, and a list shows 50 statuses at a time.
const formats = new Map<string, Intl.DateTimeFormat>();

/** An instant as the clock on the place's wall shows it, worded like clockText. */
export function clockAt(date: Date, timeZone: string, lang: Lang): string {
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })));
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return clockOfMinutes(Number(parts.hour) * 60 + Number(parts.minute), lang);
}

const WORDS = {
  fr: { range: (a: string, b: string) => `de ${a} à ${b}`, and: ' et ', closed: 'fermé', holiday: (n: string) => `jour férié : ${n}` },
  en: { range: (a: string, b: string) => `${a} to ${b}`, and: ' and ', closed: 'closed', holiday: (n: string) => `public holiday: ${n}` },
} as const;

/** A day's ranges in words: "de 9 h à 12 h et de 14 h à 17 h", "9:00 to 12:00 and 14:00 to 17:00", "fermé". */
export function rangesText(ranges: readonly { start: string; end: string }[], lang: Lang): string {
  const w = WORDS[lang];
  if (ranges.length === 0) return w.closed;
  const parts = ranges.map((r) => w.range(r.start, r.end));
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')}${w.and}${parts.at(-1)}`;
}

/** One day of the API's week (`horaires.semaine`) in words, its holiday named: "fermé (jour férié : Noël)". */
export function dayHoursText(day: DayHours, lang: Lang): string {
  const ranges = day.plages.map((p) => ({ start: clockText(p.debut, lang), end: clockText(p.fin, lang) }));
  return rangesText(ranges, lang) + (day.ferie ? ` (${WORDS[lang].holiday(day.ferie)})` : '');
}
