// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n';
import type { Commune } from '../../lib/api';
import { communesQueryOptions, placesByNameQueryOptions } from '../../lib/queries';
import { PlaceSearch } from './PlaceSearch';

afterEach(cleanup);

const commune = (nom: string, departement: string, code_insee: string): Commune => ({
  code_insee,
  nom,
  departement,
  departement_nom: departement === '93' ? 'Seine-Saint-Denis' : 'La Réunion',
  codes_postaux: [],
  latitude: 48.9,
  longitude: 2.35,
  population: 1000,
  bbox: null,
});
const SAINT_DENIS_93 = commune('Saint-Denis', '93', '93066');
const SAINT_DENIS_974 = commune('Saint-Denis', '974', '97411');

function renderSearch(onCommune = vi.fn()) {
  const client = new QueryClient();
  // The answers are already in the cache, as after the same search a moment ago: nothing is fetched.
  client.setQueryData(communesQueryOptions('saint-denis').queryKey, { items: [SAINT_DENIS_93, SAINT_DENIS_974] });
  client.setQueryData(placesByNameQueryOptions('saint-denis', 'fr').queryKey, { total: 0, limit: 5, offset: 0, items: [] });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="fr">
        <PlaceSearch onCommune={onCommune} onPlace={vi.fn()} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { input: screen.getByRole('combobox'), onCommune };
}

describe('the search by place', () => {
  it('suggests homonyms with their département and announces how many there are', async () => {
    const { input } = renderSearch();
    fireEvent.change(input, { target: { value: 'saint-denis' } });
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    const options = screen.getAllByRole('option').map((o) => o.querySelector('.suggestion-name')?.textContent);
    expect(options).toEqual(['Saint-Denis (93)', 'Saint-Denis (974)']);
    expect(screen.getByRole('status').textContent).toBe('2 suggestions. Flèches haut et bas pour choisir.');
  });

  it('moves through suggestions with the arrows, chooses with Enter, and closes with Escape', async () => {
    const { input, onCommune } = renderSearch();
    fireEvent.change(input, { target: { value: 'saint-denis' } });
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
    expect(active?.getAttribute('aria-selected')).toBe('true');
    expect(active?.textContent).toContain('Saint-Denis (974)');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent).toContain('(93)');
    fireEvent.submit(input.closest('form')!);
    expect(onCommune).toHaveBeenCalledWith(SAINT_DENIS_93);
    expect((input as HTMLInputElement).value).toBe('Saint-Denis (93)');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('takes the first suggestion when Enter is pressed before the suggestions arrive', async () => {
    // A slow connection: the answers come only after Enter.
    vi.stubGlobal('fetch', async (url: string) => {
      await new Promise((r) => setTimeout(r, 50));
      const body = url.includes('/api/communes') ? { items: [SAINT_DENIS_93, SAINT_DENIS_974] } : { total: 0, limit: 5, offset: 0, items: [] };
      return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    });
    try {
      const onCommune = vi.fn();
      render(
        <QueryClientProvider client={new QueryClient()}>
          <I18nProvider lang="fr">
            <PlaceSearch onCommune={onCommune} onPlace={vi.fn()} />
          </I18nProvider>
        </QueryClientProvider>,
      );
      const input = screen.getByRole('combobox');
      fireEvent.change(input, { target: { value: 'saint-denis' } });
      fireEvent.submit(input.closest('form')!);
      expect(onCommune).not.toHaveBeenCalled();
      await waitFor(() => expect(onCommune).toHaveBeenCalledWith(SAINT_DENIS_93));
      expect((input as HTMLInputElement).value).toBe('Saint-Denis (93)');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('asks for two letters before searching', () => {
    const { input } = renderSearch();
    fireEvent.change(input, { target: { value: 's' } });
    expect(screen.getByRole('status').textContent).toBe('Tapez au moins 2 lettres ou chiffres.');
  });
});
