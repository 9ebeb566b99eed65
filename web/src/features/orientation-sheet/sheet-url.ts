import { isLang, type Lang } from '../../i18n/lang';
import { MAX_PLACES, PLACE_ID } from './selection';

export const SHEET_PATH = '/fiche';

/** What a sheet link holds: place ids and display options, never anything about the patron. */
export interface SheetOptions {
  ids: string[];
  lang: Lang;
  large: boolean;
}

export interface ParsedSheetUrl extends SheetOptions {
  /** Parts of `lieux` that are not place ids (a truncated or hand-edited link). */
  malformed: string[];
  /** How many distinct ids the link held when it held more than a sheet can. */
  tooMany: number | null;
}

export function parseSheetSearch(search: string, fallbackLang: Lang): ParsedSheetUrl {
  const q = new URLSearchParams(search);
  const parts = (q.get('lieux') ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const valid = [...new Set(parts.filter((x) => PLACE_ID.test(x)))];
  const lang = q.get('lang');
  return {
    ids: valid.slice(0, MAX_PLACES),
    lang: isLang(lang) ? lang : fallbackLang,
    large: q.get('gros') === '1',
    malformed: parts.filter((x) => !PLACE_ID.test(x)),
    tooMany: valid.length > MAX_PLACES ? valid.length : null,
  };
}

// Commas and the characters of place ids stay literal so that a shared link stays readable.
const encode = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/** Path and query of the sheet; the order of the ids is the order of the sheet. */
export function sheetHref(o: SheetOptions): string {
  const parts = [`lieux=${encode(o.ids.join(','))}`, `lang=${o.lang}`];
  if (o.large) parts.push('gros=1');
  return `${SHEET_PATH}?${parts.join('&')}`;
}

/** The absolute link given to the patron (QR code, SMS, e-mail), on the origin serving the app. */
export const sheetUrl = (o: SheetOptions, origin = location.origin) => origin + sheetHref(o);
