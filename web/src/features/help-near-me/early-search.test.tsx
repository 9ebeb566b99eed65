// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n';
import { communesUrl, placesByNameUrl, placesUrl, type Commune } from '../../lib/api';
import { takeEarly } from '../../lib/early-requests';
import { communeZone } from '../../lib/geo';
import { earlyInput, EARLY_FORM_ID, EARLY_INPUT_ID, forgetEarlyInput, watchEarlySearch } from './early-search';
import { PlaceSearch } from './PlaceSearch';
import page from '../../../index.html?raw';

const BOBIGNY: Commune = {
  code_insee: '93008', nom: 'Bobigny', departement: '93', departement_nom: 'Seine-Saint-Denis', codes_postaux: ['93000'],
  latitude: 48.9086, longitude: 2.4397, population: 53000, bbox: [2.4249, 48.8959, 2.4617, 48.9199],
};

// The page as the server sends it: the first screen of index.html, before any script.

const shell = /<!--\s*shell:start[\s\S]*?shell:end\s*-->/.exec(page)![0];

let asked: string[];
beforeEach(() => {
  document.body.innerHTML = `<div id="root">${shell}</div>`;
  history.replaceState(null, '', '/');
  asked = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const body = url.startsWith('/api/communes') ? { items: [BOBIGNY] } : { total: 0, limit: 10, offset: 0, items: [] };
    return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  });
});
afterEach(() => {
  cleanup();
  earlyInput();
  forgetEarlyInput();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const field = () => document.getElementById(EARLY_INPUT_ID) as HTMLInputElement;
const typeInPage = (text: string) => {
  field().value = text;
  field().dispatchEvent(new Event('input', { bubbles: true }));
};
const bobignyList = placesUrl({ bbox: communeZone(BOBIGNY), filters: { services: [], types: [], labels: [] }, ouvert: null, lang: 'fr', limit: 10, offset: 0 });

describe('the search field of the page itself, before the app', () => {
  it('asks at once for what was typed before its script came, then for the places of a commune typed in full', async () => {
    field().value = 'Bobigny';
    watchEarlySearch();
    expect(asked).toEqual([communesUrl('Bobigny'), placesByNameUrl('Bobigny', 'fr')]);
    await waitFor(() => expect(asked).toContain(bobignyList));
    // The app's same requests find these answers, once each.
    expect(takeEarly(communesUrl('Bobigny'))).toBeInstanceOf(Promise);
    expect(takeEarly(communesUrl('Bobigny'))).toBeUndefined();
    expect(takeEarly(placesByNameUrl('Bobigny', 'fr'))).toBeInstanceOf(Promise);
    expect(await (await takeEarly(bobignyList)!).json()).toMatchObject({ items: [] });
  });

  it('waits for a pause in typing, and asks nothing for one letter or a partial name’s places', async () => {
    vi.useFakeTimers();
    watchEarlySearch();
    typeInPage('B');
    typeInPage('Bo');
    typeInPage('Bob');
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(asked).toEqual([communesUrl('Bob'), placesByNameUrl('Bob', 'fr')]);
    typeInPage('B');
    await vi.advanceTimersByTimeAsync(300);
    expect(asked).toHaveLength(2);
  });

  it('keeps Enter from reloading the page, and hands the text, the focus and the caret over once', () => {
    watchEarlySearch();
    field().focus();
    typeInPage('Bobigny');
    field().setSelectionRange(3, 3);
    const submit = new Event('submit', { cancelable: true });
    document.getElementById(EARLY_FORM_ID)!.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    expect(earlyInput()).toEqual({ text: 'Bobigny', focused: true, caret: 3, submitted: true });
    // Watching has stopped: later typing in the old field changes nothing.
    typeInPage('Lyon');
    expect(earlyInput()?.text).toBe('Bobigny');
    forgetEarlyInput();
    expect(earlyInput()).toBeNull();
  });

  it('gives the app’s search field the text, the focus and the first suggestion chosen on Enter', async () => {
    field().value = 'Bobigny';
    watchEarlySearch();
    field().focus();
    document.getElementById(EARLY_FORM_ID)!.dispatchEvent(new Event('submit', { cancelable: true }));
    const onCommune = vi.fn();
    const onLikely = vi.fn();
    // Into the page's root, as the app does: its first render replaces the page's field.
    render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nProvider lang="fr">
          <PlaceSearch onCommune={onCommune} onLikelyCommune={onLikely} onPlace={vi.fn()} takesOverPage />
        </I18nProvider>
      </QueryClientProvider>,
      { container: document.getElementById('root')! },
    );
    expect(document.getElementById(EARLY_INPUT_ID)).toBeNull();
    const input = screen.getByRole('combobox') as HTMLInputElement;
    expect(input.value).toBe('Bobigny');
    expect(document.activeElement).toBe(input);
    await waitFor(() => expect(onCommune).toHaveBeenCalledWith(BOBIGNY));
    expect(onLikely).toHaveBeenCalledWith(BOBIGNY);
    expect(input.value).toBe('Bobigny (93)');
    // The app took the answers the page had asked for instead of asking again.
    expect(asked.filter((url) => url === communesUrl('Bobigny'))).toHaveLength(1);
    expect(asked.filter((url) => url === placesByNameUrl('Bobigny', 'fr'))).toHaveLength(1);
  });

  it('draws answers that came before the app at its first render, without asking again', async () => {
    field().value = 'Bobig';
    watchEarlySearch();
    field().focus();
    await waitFor(() => expect(asked).toContain(communesUrl('Bobig')));
    await new Promise((done) => setTimeout(done, 0)); // the copies are read
    render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nProvider lang="fr">
          <PlaceSearch onCommune={vi.fn()} onPlace={vi.fn()} takesOverPage />
        </I18nProvider>
      </QueryClientProvider>,
      { container: document.getElementById('root')! },
    );
    // No waiting: the suggestion is there in the very first render.
    expect(screen.getByRole('option', { name: /Bobigny \(93\)/ })).toBeTruthy();
    expect(asked.filter((url) => url === communesUrl('Bobig'))).toHaveLength(1);
  });
});
