import { storedLang } from '../../i18n/lang';
import { communesUrl, FIRST_PAGE_SIZE, placesByNameUrl, placesUrl, type Commune } from '../../lib/api';
import { askEarly } from '../../lib/early-requests';
import { communeZone } from '../../lib/geo';
import { parseUrlState } from '../../state/url-state';
import { DEBOUNCE_MS, likelyChoice, searchable } from './search-rules';

/** Where the person was in the page's own search field when the app took it over. */
export type EarlyInput = { text: string; focused: boolean; caret: number | null; submitted: boolean };

/** Ids in index.html, between the `shell` comments. */
export const EARLY_FORM_ID = 'early-search';
export const EARLY_INPUT_ID = 'early-search-input';

let stop: (() => EarlyInput) | null = null;
let handedOver: EarlyInput | null = null;

/**
 * index.html holds the search field itself, so that it shows and takes typing as soon as the
 * page arrives, seconds before the app's code on a weak connection. This part, in the page's
 * small first script, sends for what is typed the requests the app will make (early-requests.ts
 * keeps their answers for it) and keeps Enter from reloading the page. It also asks for the
 * places of a commune typed in full, as the app does (search-rules.ts).
 */
export function watchEarlySearch(): void {
  const form = document.getElementById(EARLY_FORM_ID);
  const input = document.getElementById(EARLY_INPUT_ID);
  if (!(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement)) return;
  const state = parseUrlState(location.search);
  const lang = state.lang ?? storedLang() ?? 'fr';
  let submitted = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const ask = () => {
    const q = input.value.trim();
    if (!searchable(q)) return;
    const communes = askEarly(communesUrl(q)) as Promise<{ items: Commune[] } | undefined>;
    void askEarly(placesByNameUrl(q, lang));
    void communes.then((body) => {
      const commune = body && likelyChoice(q, body.items);
      if (!commune) return;
      const bbox = communeZone(commune);
      void askEarly(placesUrl({ bbox, filters: state, ouvert: state.ouvert, lang, limit: FIRST_PAGE_SIZE, offset: 0 }));
    });
  };
  const onInput = () => {
    submitted = false;
    clearTimeout(timer);
    timer = setTimeout(ask, DEBOUNCE_MS);
  };
  // The app chooses the first suggestion once it has it, as its own field does.
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    submitted = searchable(input.value);
  };

  // Text typed before this script arrived is asked for at once.
  ask();
  input.addEventListener('input', onInput);
  form.addEventListener('submit', onSubmit);
  stop = () => {
    clearTimeout(timer);
    input.removeEventListener('input', onInput);
    form.removeEventListener('submit', onSubmit);
    return { text: input.value, focused: document.activeElement === input, caret: input.selectionStart, submitted };
  };
}

/**
 * What was typed in the page's field, for the app's search field when it replaces it: read
 * once (watching stops then), the same answer after, until `forgetEarlyInput`.
 */
export function earlyInput(): EarlyInput | null {
  if (stop) {
    const text = stop();
    stop = null;
    handedOver = text.text.trim() || text.focused ? text : null;
  }
  return handedOver;
}

/** Once the app's field holds the text, a later search field (another page, a remount) starts empty. */
export function forgetEarlyInput(): void {
  handedOver = null;
}
