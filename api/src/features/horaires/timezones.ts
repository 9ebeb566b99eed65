/**
 * Where a place is, as far as its clock and its public holidays go. Overseas départements keep
 * their own time and some of their own holidays; Alsace-Moselle has two extra holidays.
 * `state` is the region name the opening_hours library knows holidays by.
 */
export type Territory = { fuseau: string; state?: string; lat: number; lon: number };

const PARIS: Territory = { fuseau: 'Europe/Paris', lat: 46.6, lon: 2.4 };

const BY_DEPARTEMENT: Record<string, Territory> = {
  '57': { fuseau: 'Europe/Paris', state: 'Moselle', lat: 49.1, lon: 6.6 },
  '67': { fuseau: 'Europe/Paris', state: 'Bas-Rhin', lat: 48.6, lon: 7.6 },
  '68': { fuseau: 'Europe/Paris', state: 'Haut-Rhin', lat: 47.9, lon: 7.3 },
  '971': { fuseau: 'America/Guadeloupe', state: 'Guadeloupe', lat: 16.2, lon: -61.5 },
  '972': { fuseau: 'America/Martinique', state: 'Martinique', lat: 14.6, lon: -61.0 },
  '973': { fuseau: 'America/Cayenne', state: 'Guyane', lat: 4.9, lon: -52.3 },
  '974': { fuseau: 'Indian/Reunion', state: 'La Réunion', lat: -21.1, lon: 55.5 },
  '975': { fuseau: 'America/Miquelon', state: 'Saint-Pierre-et-Miquelon', lat: 46.8, lon: -56.2 },
  '976': { fuseau: 'Indian/Mayotte', state: 'Mayotte', lat: -12.8, lon: 45.2 },
  '977': { fuseau: 'America/St_Barthelemy', state: 'Saint-Barthélemy', lat: 17.9, lon: -62.8 },
  '978': { fuseau: 'America/Marigot', state: 'Saint-Martin', lat: 18.07, lon: -63.05 },
};

/** A few places have no département; their point still tells which ocean they are in. */
const BOXES: { departement: string; minLon: number; minLat: number; maxLon: number; maxLat: number }[] = [
  { departement: '971', minLon: -61.9, minLat: 15.8, maxLon: -60.95, maxLat: 16.55 },
  { departement: '972', minLon: -61.3, minLat: 14.35, maxLon: -60.75, maxLat: 14.9 },
  { departement: '973', minLon: -54.7, minLat: 2.0, maxLon: -51.5, maxLat: 5.85 },
  { departement: '974', minLon: 55.15, minLat: -21.45, maxLon: 55.9, maxLat: -20.8 },
  { departement: '976', minLon: 44.95, minLat: -13.05, maxLon: 45.35, maxLat: -12.6 },
];

export function territoryOf(departement: string | null, latitude: number, longitude: number): Territory {
  if (departement) return BY_DEPARTEMENT[departement] ?? PARIS;
  const box = BOXES.find((b) => longitude >= b.minLon && longitude <= b.maxLon && latitude >= b.minLat && latitude <= b.maxLat);
  return box ? BY_DEPARTEMENT[box.departement]! : PARIS;
}

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (fuseau: string) => {
  let f = formatters.get(fuseau);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: fuseau, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(fuseau, f);
  }
  return f;
};

// Intl formatting costs tens of microseconds; a request asks the same few zones about one instant.
const recentClocks = new Map<string, WallClock>();

/** The date and time a clock in `fuseau` shows at `instant` (weekday 0 = Sunday). */
export function wallClock(instant: Date, fuseau: string): WallClock {
  const key = `${fuseau}|${instant.getTime()}`;
  let w = recentClocks.get(key);
  if (!w) {
    if (recentClocks.size > 1000) recentClocks.clear();
    w = readClock(instant, fuseau);
    recentClocks.set(key, w);
  }
  return w;
}

function readClock(instant: Date, fuseau: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(fuseau).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year, month, day, hour, minute, second } = parts as Record<string, number>;
  const weekday = new Date(Date.UTC(year!, month! - 1, day!)).getUTCDay();
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second!, weekday };
}

/** Minutes to add to UTC to get the wall-clock time in `fuseau` at `instant`. */
export function offsetMinutes(instant: Date, fuseau: string): number {
  const w = wallClock(instant, fuseau);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which a clock in `fuseau` shows this date and time (the later one when the clock goes back). */
export function instantOf(w: Omit<WallClock, 'weekday'>, fuseau: string): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  let guess = asUtc - offsetMinutes(new Date(asUtc), fuseau) * 60_000;
  guess = asUtc - offsetMinutes(new Date(guess), fuseau) * 60_000;
  return new Date(guess);
}

/**
 * opening_hours reads a Date through its *local* getters (getHours, getDay…), that is in the
 * server's own time zone. To evaluate a place's hours, hand it a Date whose local fields show the
 * place's wall-clock time, and read its answers back the same way.
 */
export function toLibraryDate(instant: Date, fuseau: string): Date {
  const w = wallClock(instant, fuseau);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

export function fromLibraryDate(local: Date, fuseau: string): Date {
  return instantOf(
    { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate(), hour: local.getHours(), minute: local.getMinutes(), second: local.getSeconds() },
    fuseau,
  );
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** "2026-11-26T17:00:00+01:00": the instant as the place's clock shows it, with its offset. */
export function isoInZone(instant: Date, fuseau: string): string {
  const w = wallClock(instant, fuseau);
  const off = offsetMinutes(instant, fuseau);
  const sign = off < 0 ? '-' : '+';
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}
