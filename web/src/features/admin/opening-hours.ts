import type { Lang } from '../../i18n/lang';
import { clockOfMinutes, rangesText } from '../../lib/hours-wording';

/**
 * A light reader for the common subset of OSM `opening_hours` ("Mo-Fr 09:00-12:00,13:30-17:00;
 * Sa 09:00-12:00", "24/7", "Su off"), enough for a live preview while typing. Anything else returns
 * null: the API's full parser is the authority and answers 400 with its own message.
 */

export const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

/** Minutes since midnight; `end` may be 24:00. */
export type Range = { start: number; end: number };
/** One entry per weekday, Monday first. */
export type Week = Range[][];

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutes(text: string): number | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const value = Number(m[1]) * 60 + Number(m[2]);
  return value <= 24 * 60 ? value : null;
}

function parseRanges(text: string): Range[] | null {
  const ranges: Range[] = [];
  for (const part of text.split(',')) {
    const [from, to, ...rest] = part.trim().split('-');
    if (from === undefined || to === undefined || rest.length > 0) return null;
    const start = minutes(from);
    const end = minutes(to);
    if (start === null || end === null || end <= start) return null;
    ranges.push({ start, end });
  }
  return ranges;
}

function parseDays(text: string): number[] | null {
  const days: number[] = [];
  for (const part of text.split(',')) {
    const [from, to, ...rest] = part.split('-');
    const a = DAYS.indexOf(from as (typeof DAYS)[number]);
    if (a < 0 || rest.length > 0) return null;
    if (to === undefined) {
      days.push(a);
      continue;
    }
    const b = DAYS.indexOf(to as (typeof DAYS)[number]);
    if (b < 0) return null;
    // "Fr-Mo" wraps over the weekend, as in OSM.
    for (let d = a; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === b) break;
    }
  }
  return days;
}

export function parseOpeningHours(value: string): Week | null {
  const text = value.trim();
  if (text === '24/7') return DAYS.map(() => [{ start: 0, end: 24 * 60 }]);
  const week: Week = DAYS.map(() => []);
  const rules = text.split(';').map((r) => r.trim()).filter(Boolean);
  if (rules.length === 0) return null;
  for (const rule of rules) {
    const space = rule.indexOf(' ');
    if (space < 0) return null;
    const days = parseDays(rule.slice(0, space));
    const rest = rule.slice(space + 1).trim();
    const ranges = rest === 'off' || rest === 'closed' ? [] : parseRanges(rest);
    if (!days || !ranges) return null;
    // A later rule replaces what earlier rules said about the same days, as in OSM.
    for (const d of days) week[d] = ranges;
  }
  return week;
}

const pad = (n: number) => String(n).padStart(2, '0');
const osmTime = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

/** The OSM value for a week, grouping consecutive days that share the same ranges. */
export function formatOpeningHours(week: Week): string {
  const text = week.map((ranges) => ranges.map((r) => `${osmTime(r.start)}-${osmTime(r.end)}`).join(','));
  const rules: string[] = [];
  for (let d = 0; d < 7; ) {
    let e = d;
    while (e + 1 < 7 && text[e + 1] === text[d]) e++;
    if (text[d]) rules.push(`${e === d ? DAYS[d] : `${DAYS[d]}-${DAYS[e]}`} ${text[d]}`);
    d = e + 1;
  }
  return rules.join('; ');
}

const DAY_NAMES: Record<Lang, string[]> = {
  fr: ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** "Lundi : de 9 h à 12 h et de 13 h 30 à 17 h", one line per day, closed days included: as the public will read it. */
export function describeWeek(week: Week, lang: Lang): string[] {
  const sep = lang === 'fr' ? ' : ' : ': ';
  return week.map((ranges, d) => {
    const text = rangesText(ranges.map((r) => ({ start: clockOfMinutes(r.start, lang), end: clockOfMinutes(r.end, lang) })), lang);
    return DAY_NAMES[lang][d] + sep + text;
  });
}

export const dayName = (d: number, lang: Lang) => DAY_NAMES[lang][d]!;

/** Per-weekday text for the helper ("09:00-12:00,13:30-17:00"), and back. */
export const weekToDayTexts = (week: Week) =>
  week.map((ranges) => ranges.map((r) => `${osmTime(r.start)}-${osmTime(r.end)}`).join(','));

export function dayTextsToWeek(texts: string[]): Week | null {
  const week: Week = [];
  for (const t of texts) {
    const text = t.replace(/\s+/g, '');
    if (!text) {
      week.push([]);
      continue;
    }
    const ranges = parseRanges(text);
    if (!ranges) return null;
    week.push(ranges);
  }
  return week;
}
