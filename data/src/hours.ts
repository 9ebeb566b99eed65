import opening_hours from 'opening_hours';
import { cleanText, fold } from './normalise.ts';

export interface Hours {
  texte: string | null; // as the source gave them (France Services: rebuilt from the weekday columns)
  osm: string | null; // OSM opening_hours syntax, validated by the opening_hours library
}

const validated = new Map<string, string | null>();

/**
 * The value in canonical OSM syntax, or null when the opening_hours library rejects it. Values the
 * library only accepts by guessing (warnings) are replaced by its canonical rewrite, which must
 * then parse without warning. Parsing costs about a millisecond, so results are memoised.
 */
export function validateOsm(value: string): string | null {
  const cached = validated.get(value);
  if (cached !== undefined) return cached;
  let result: string | null = null;
  try {
    const oh = new opening_hours(value, null);
    if (oh.getWarnings().length === 0) result = value;
    else {
      const pretty = oh.prettifyValue();
      result = new opening_hours(pretty, null).getWarnings().length === 0 ? pretty : null;
    }
  } catch {
    result = null;
  }
  validated.set(value, result);
  return result;
}

const DAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const TIME = '\\d{2}:\\d{2}';
const RANGE = `${TIME}-${TIME}`;
const SIMPLE_RULE = new RegExp(`^(${DAY}(?:-${DAY})?(?:,${DAY}(?:-${DAY})?)*) (${RANGE}(?:,${RANGE})*|off)$`);
// A range chained to a third time ("08:30-12:00-14:00") or a lone time ("Tu 12:30"): points in time
// are not opening hours, and the library takes several milliseconds to say so.
const MALFORMED = new RegExp(`${RANGE}-|(?<![\\d:-])${TIME}(?![\\d:-])`);

/**
 * Like validateOsm, for the values sources actually give: rules "days ranges" joined by "; " are
 * checked rule part by rule part (the weekday selector and the time ranges each go through the
 * library once, whatever value they appear in), which keeps the import fast; other values are
 * checked whole.
 */
export function checkOsm(value: string): string | null {
  const rules = value.split(/\s*;\s*/).filter(Boolean);
  const parts = rules.map((r) => r.trim().match(SIMPLE_RULE));
  if (parts.every((p) => p !== null)) {
    const valid = parts.every((p) => {
      const [, days, times] = p!;
      const probeDays = `${days} 10:00-11:00`;
      const probeTimes = `Mo ${times}`;
      return validateOsm(probeDays) === probeDays && validateOsm(probeTimes) === probeTimes;
    });
    return valid ? parts.map((p) => p![0]).join('; ') : null;
  }
  return MALFORMED.test(value) ? null : validateOsm(value);
}

const WEEKDAYS = [
  { column: 'h_lundi', osm: 'Mo', label: 'Lundi' },
  { column: 'h_mardi', osm: 'Tu', label: 'Mardi' },
  { column: 'h_mercredi', osm: 'We', label: 'Mercredi' },
  { column: 'h_jeudi', osm: 'Th', label: 'Jeudi' },
  { column: 'h_vendredi', osm: 'Fr', label: 'Vendredi' },
  { column: 'h_samedi', osm: 'Sa', label: 'Samedi' },
] as const;

const pad = (h: string) => h.padStart(2, '0');

/** The ranges of a France Services day, without the "00:00 - 00:00" placeholders the export is full of. */
function dayRanges(value: string): string[] {
  return value
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p !== '' && !/^0?0:00\s*-\s*0?0:00$/.test(p));
}

/**
 * "09:00 - 12:00 / 13:30 - 17:00" → "09:00-12:00,13:30-17:00"; overlapping ranges (a range typed
 * twice with different ends) are joined. Null if a range is malformed or ends before it starts.
 */
function rangesToOsm(ranges: string[]): string | null {
  const parsed: [string, string][] = [];
  for (const part of ranges) {
    const m = part.match(/^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/);
    if (!m) return null;
    const start = `${pad(m[1]!)}:${m[2]}`;
    const end = `${pad(m[3]!)}:${m[4]}`;
    if (start >= end) return null;
    parsed.push([start, end]);
  }
  parsed.sort((a, b) => a[0].localeCompare(b[0]));
  const joined: [string, string][] = [];
  for (const [start, end] of parsed) {
    const last = joined.at(-1);
    if (last && start <= last[1]) last[1] = end > last[1] ? end : last[1];
    else joined.push([start, end]);
  }
  return joined.map(([start, end]) => `${start}-${end}`).join(',');
}

/** Day indexes (0 = Monday) as an OSM selector: runs of three or more days as ranges ("Tu-Th"). */
function daySelector(days: number[]): string {
  const names = WEEKDAYS.map((d) => d.osm);
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${names[days[i]!]}-${names[days[j]!]}`);
    else for (let k = i; k <= j; k++) parts.push(names[days[k]!]!);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * France Services gives one column per weekday. The text lists the open days as the source wrote
 * them (placeholders left out); the OSM value groups days with the same hours
 * ("Mo 13:30-17:00; Tu-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00").
 */
export function franceServicesHours(row: Record<string, string | undefined>): Hours {
  const texts: string[] = [];
  const groups = new Map<string, number[]>();
  let parsable = true;
  WEEKDAYS.forEach((day, index) => {
    const ranges = dayRanges(row[day.column] ?? '');
    if (ranges.length === 0) return;
    texts.push(`${day.label} : ${ranges.join(' / ')}`);
    const osm = rangesToOsm(ranges);
    if (osm === null) parsable = false;
    else groups.set(osm, [...(groups.get(osm) ?? []), index]);
  });
  if (texts.length === 0) return { texte: null, osm: null };
  const rule = [...groups].map(([ranges, days]) => `${daySelector(days)} ${ranges}`).join('; ');
  return { texte: texts.join(' ; '), osm: parsable ? checkOsm(rule) : null };
}

// French day names and their abbreviations; OSM's own abbreviations only when written as OSM
// writes them ("Mo", not "WE" for week-end), marked with "#" before the text is folded.
const DAY_WORDS: [RegExp, string][] = [
  [/\b(lundi|lun)s?\b\.?|#mo\b/g, 'Mo'],
  [/\b(mardi|mar)s?\b\.?|#tu\b/g, 'Tu'],
  [/\b(mercredi|mer)s?\b\.?|#we\b/g, 'We'],
  [/\b(jeudi|jeu)s?\b\.?|#th\b/g, 'Th'],
  [/\b(vendredi|ven)s?\b\.?|#fr\b/g, 'Fr'],
  [/\b(samedi|sam)s?\b\.?|#sa\b/g, 'Sa'],
  [/\b(dimanche|dim)s?\b\.?|#su\b/g, 'Su'],
];

/**
 * French free text of the common shapes ("Du lundi au vendredi de 9h à 12h et de 14h à 17h",
 * "Mardi, jeudi : 9h-12h / 14h-18h ; samedi 10h-12h") rewritten in OSM syntax. Anything left over
 * (periods, appointments, exceptions) makes it give up: a partial rewrite would misstate the hours.
 */
export function frenchToOsm(text: string): string | null {
  let s = ` ${fold(text.replace(/\b(Mo|Tu|We|Th|Fr|Sa|Su)\b/g, '#$1'))} `;
  s = s.replace(/(\d{1,2})\s*h(?:\s*(\d{2}))?/g, (_, h: string, m?: string) => `${pad(h)}:${m ?? '00'}`);
  s = s.replace(/\b(\d{1,2})[:.](\d{2})\b/g, (_, h: string, m: string) => `${pad(h)}:${m}`);
  for (const [re, osm] of DAY_WORDS) s = s.replace(re, osm);
  s = s.replace(new RegExp(`(?:\\bde\\s+)?(${TIME})\\s*(?:-|–|\\ba\\b|\\bau\\b|jusqu'?\\s*a)\\s*(${TIME})`, 'g'), '$1-$2');
  s = s.replace(new RegExp(`(${RANGE})\\s*(?:,|/|\\bet\\b|&)\\s*(?:\\bde\\s+)?(?=${RANGE})`, 'g'), '$1,');
  s = s.replace(new RegExp(`(?<![-\\d:])(${TIME})\\s*/\\s*(${TIME})(?![-\\d:])`, 'g'), '$1-$2');
  s = s.replace(new RegExp(`(?:\\bdu\\s+)?\\b(${DAY})\\s*(?:\\bau\\b|\\ba\\b|-)\\s*(${DAY})\\b`, 'g'), '$1-$2');
  s = s.replace(new RegExp(`\\b(${DAY}(?:-${DAY})?)\\s*(?:,|\\bet\\b|&)\\s*(?=${DAY}\\b)`, 'g'), '$1,');
  s = s.replace(new RegExp(`\\b(${DAY}(?:-${DAY})?)\\s*(?:,|\\bet\\b|&)\\s*(?=${DAY}\\b)`, 'g'), '$1,');

  const rules: string[] = [];
  const rule = new RegExp(`\\b(${DAY}(?:[-,]${DAY})*)\\b\\s*:?\\s*(?:\\bde\\s+)?(${RANGE}(?:,${RANGE})*)`, 'g');
  const rest = s.replace(rule, (_, days: string, ranges: string) => {
    rules.push(`${days} ${ranges}`);
    return ' ';
  });
  const leftover = rest.replace(/\b(les?|la|du|de|et|tous|toutes|ouvert|le matin|l'apres-midi)\b|[\s:;,./|()"-]/g, '');
  if (rules.length === 0 || leftover !== '') return null;
  return checkOsm(rules.join('; '));
}

const OSM_SHAPED = /^[\sA-Za-z0-9:,;+"()\-[\]/.]*$/;
const OSM_TOKENS = /\b(Mo|Tu|We|Th|Fr|Sa|Su|PH|24\/7)\b/;

/**
 * Hours of a médiation numérique row: already OSM for most sources, French text for the raw
 * form exports, rewritten when possible. The library is only asked about values shaped like OSM:
 * rejecting free text costs it several milliseconds each.
 */
export function lmnHours(raw: string | undefined): Hours {
  const texte = cleanText(raw);
  if (!texte) return { texte: null, osm: null };
  const osm = OSM_SHAPED.test(texte) && OSM_TOKENS.test(texte) ? checkOsm(texte) : null;
  return { texte, osm: osm ?? frenchToOsm(texte) };
}
