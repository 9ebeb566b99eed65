import opening_hours from 'opening_hours';
import { type Territory, fromLibraryDate, isoInZone, toLibraryDate, wallClock } from './timezones.ts';

/** Whether a place is open, as the API states it: instants carry the place's own UTC offset. */
export type Ouverture = {
  statut: 'ouvert' | 'ferme' | 'inconnu';
  jusqu_a?: string;
  prochaine_ouverture?: string;
  fuseau: string;
};

export type Jour = { date: string; jour: string; plages: { debut: string; fin: string }[]; ferie: string | null };

const JOURS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** How far ahead to look for the next change: beyond this a place is "closed" with no reopening date. */
const HORIZON_DAYS = 60;

/**
 * Parsing one value costs 1–2 ms, and 7,500 places share about 4,500 values: each value is
 * parsed once per territory (holidays and sunrise differ) for the life of the process.
 * A value the library rejects is remembered as null: its hours are unknown.
 */
const parsed = new Map<string, opening_hours | null>();

const territoryKey = (t: Territory) => `${t.fuseau}|${t.state ?? ''}`;

export function parseHours(value: string, t: Territory): opening_hours | null {
  const key = `${territoryKey(t)}|${value}`;
  let oh = parsed.get(key);
  if (oh === undefined) {
    // Public services close on public holidays: hours that say nothing about them get "PH off".
    oh = (/\bPH\b/.test(value) ? null : tryParse(`${value}; PH off`, t)) ?? tryParse(value, t);
    parsed.set(key, oh);
  }
  return oh;
}

function tryParse(value: string, t: Territory): opening_hours | null {
  try {
    const address = t.state ? { country_code: 'fr', state: t.state } : { country_code: 'fr' };
    return new opening_hours(value, { lat: t.lat, lon: t.lon, address } as never, { tag_key: 'opening_hours', warnings_severity: 0 } as never);
  } catch {
    return null;
  }
}

/**
 * Parses the values, and reads today's intervals, in small slices between other work, so that
 * the first "open now" search finds them ready instead of paying seconds of parsing in one request.
 */
export function warmUp(values: Iterable<[string, Territory]>): Promise<void> {
  const queue = [...values];
  return new Promise((resolve) => {
    const slice = () => {
      const until = performance.now() + 15;
      while (queue.length > 0 && performance.now() < until) {
        const [value, t] = queue.pop()!;
        statutAt(value, t, new Date());
      }
      // Not unref'd: with only unref'd immediates pending, the event loop sleeps until its next timer.
      if (queue.length > 0) setImmediate(slice);
      else resolve();
    };
    setImmediate(slice);
  });
}

// Opening states change on the minute: within one minute, a value in a territory has one answer.
let cachedMinute = -1;
const ouvertures = new Map<string, Ouverture>();

function forgetOtherMinutes(now: Date) {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== cachedMinute) {
    ouvertures.clear();
    cachedMinute = minute;
  }
}

/** Open or closed at `now` in the place's own time zone, with public holidays; unknown when the hours are. */
export function ouvertureAt(value: string | null, t: Territory, now: Date): Ouverture {
  const unknown: Ouverture = { statut: 'inconnu', fuseau: t.fuseau };
  if (!value) return unknown;
  forgetOtherMinutes(now);
  const key = `${territoryKey(t)}|${value}`;
  let o = ouvertures.get(key);
  if (!o) {
    o = compute(parseHours(value, t), t, now) ?? unknown;
    ouvertures.set(key, o);
  }
  return o;
}

type Day = { start: number; intervals: [from: number, to: number, unknown: boolean][] };
const days = new Map<string, Day>();

/**
 * Only the state, for filtering every place of France. Asking the library costs ~0.1 ms a value,
 * too much for 4,500 values every minute: each value's open intervals of the day (on the
 * place's clock) are computed once a day, and the state at any minute is read from them.
 */
export function statutAt(value: string | null, t: Territory, now: Date): Ouverture['statut'] {
  if (!value) return 'inconnu';
  const oh = parseHours(value, t);
  if (!oh) return 'inconnu';
  const at = toLibraryDate(now, t.fuseau);
  const start = new Date(at.getFullYear(), at.getMonth(), at.getDate());
  const key = `${territoryKey(t)}|${value}`;
  let day = days.get(key);
  if (day?.start !== start.getTime()) {
    const end = new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1);
    const intervals = oh.getOpenIntervals(start, end).map(([from, to, unknown]): Day['intervals'][number] => [from.getTime(), to.getTime(), unknown]);
    day = { start: start.getTime(), intervals };
    days.set(key, day);
  }
  const x = at.getTime();
  const hit = day.intervals.find(([from, to]) => from <= x && x < to);
  return !hit ? 'ferme' : hit[2] ? 'inconnu' : 'ouvert';
}

function compute(oh: opening_hours | null, t: Territory, now: Date): Ouverture | null {
  if (!oh) return null;
  const at = toLibraryDate(now, t.fuseau);
  const [open, , unknown] = oh.getStatePair(at);
  if (unknown) return null;
  const horizon = new Date(at.getTime() + HORIZON_DAYS * 86_400_000);
  const next = oh.getNextChange(at, horizon);
  const o: Ouverture = { statut: open ? 'ouvert' : 'ferme', fuseau: t.fuseau };
  if (next) o[open ? 'jusqu_a' : 'prochaine_ouverture'] = isoInZone(fromLibraryDate(next, t.fuseau), t.fuseau);
  return o;
}

const saturdays = new Map<string, boolean | null>();

/**
 * Open at some time on the coming Saturday (today when it is Saturday), in the place's time
 * zone: a public holiday that falls on that Saturday closes a place whose hours say "PH off".
 * Null when the hours are unknown.
 */
export function openOnSaturday(value: string | null, t: Territory, now: Date): boolean | null {
  if (!value) return null;
  const oh = parseHours(value, t);
  if (!oh) return null;
  const w = wallClock(now, t.fuseau);
  const ahead = (6 - w.weekday + 7) % 7;
  const from = new Date(w.year, w.month - 1, w.day + ahead);
  const to = new Date(w.year, w.month - 1, w.day + ahead + 1);
  const key = `${territoryKey(t)}|${from.getTime()}|${value}`;
  let open = saturdays.get(key);
  if (open === undefined) {
    if (saturdays.size > 50_000) saturdays.clear();
    const intervals = oh.getOpenIntervals(from, to);
    // "Sur rendez-vous" parses as hours of unknown state: that is not a closed Saturday.
    open = intervals.some(([, , unknown]) => !unknown) ? true : intervals.length > 0 ? null : false;
    saturdays.set(key, open);
  }
  return open;
}

const holidayRules = new Map<string, opening_hours>();

/** The name of the public holiday on this (library-local) day in the territory, or null. */
function holidayOn(day: Date, t: Territory): string | null {
  const key = territoryKey(t);
  let rule = holidayRules.get(key);
  if (!rule) {
    rule = tryParse('PH open', t)!;
    holidayRules.set(key, rule);
  }
  const noon = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 12);
  return rule.getState(noon) ? (rule.getComment(noon) ?? 'Jour férié') : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** The coming 7 days (today first) as the place's clock counts them; null when the hours are unknown. */
export function weekAt(value: string | null, t: Territory, now: Date): Jour[] | null {
  if (!value) return null;
  const oh = parseHours(value, t);
  if (!oh) return null;
  const w = wallClock(now, t.fuseau);
  let unknownOnly = true;
  const week = Array.from({ length: 7 }, (_, k) => {
    const from = new Date(w.year, w.month - 1, w.day + k);
    const to = new Date(w.year, w.month - 1, w.day + k + 1);
    const intervals = oh.getOpenIntervals(from, to);
    if (intervals.some(([, , unknown]) => !unknown) || intervals.length === 0) unknownOnly = false;
    const plages = intervals
      .filter(([, , unknown]) => !unknown)
      .map(([start, end]) => ({ debut: hhmm(start), fin: end.getTime() >= to.getTime() ? '24:00' : hhmm(end) }));
    return {
      date: `${from.getFullYear()}-${pad(from.getMonth() + 1)}-${pad(from.getDate())}`,
      jour: JOURS[from.getDay()]!,
      plages,
      ferie: holidayOn(from, t),
    };
  });
  // Hours that only ever say "unknown" (a comment such as "sur rendez-vous") are not a closed week.
  return unknownOnly ? null : week;
}
