// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n';
import type { Place, Vocabulary } from '../../lib/api';
import { placeQueryOptions } from '../../lib/queries';
import { PlaceDetail } from './PlaceDetail';

afterEach(cleanup);

const PLACE: Place = {
  id: 'fs-42',
  nom: 'France Services de Bobigny',
  adresse: '1 rue de la République',
  complement_adresse: 'Bâtiment B',
  code_postal: '93000',
  commune: 'Bobigny',
  code_insee: '93008',
  departement: '93',
  latitude: 48.91,
  longitude: 2.44,
  precision: 'commune',
  telephone: '01 48 95 20 00',
  courriel: null,
  site_web: 'javascript:alert(1)',
  horaires: { texte: 'Lundi : 9 h – 12 h\nMardi : fermé', osm: null, semaine: null },
  ouverture: { statut: 'inconnu', fuseau: 'Europe/Paris' },
  verifie_le: null,
  services: ['famille-allocations', 'maitrise-des-outils-numeriques-du-quotidien'],
  types: ['france-services'],
  labels: ['France Services', 'Aidants Connect'],
  details: {},
  date_maj: '2024-08-01',
  sources: [
    {
      id: 'france-services',
      nom: 'France Services (ANCT)',
      licence: 'Licence Ouverte',
      url: 'https://www.data.gouv.fr/',
      date: '2024-08-01',
      ref: '42',
    },
  ],
};

const entry = (id: string, label: string) => ({ id, label, label_en: label, count: 1 });
const VOCABULARY: Vocabulary = {
  numerique: [entry('maitrise-des-outils-numeriques-du-quotidien', 'Utiliser les outils du quotidien')],
  demarches: [entry('famille-allocations', 'Famille et allocations'), entry('impots', 'Impôts')],
  types: [entry('france-services', 'France Services'), entry('caf', 'CAF')],
  labels: [entry('aidants-connect', 'Aidants Connect')],
};

function renderPanel(onClose = () => {}) {
  const client = new QueryClient();
  // The place is already in the cache, as after a click in the list: nothing is fetched.
  client.setQueryData(placeQueryOptions(PLACE.id, 'fr').queryKey, PLACE);
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="fr">
        <PlaceDetail id={PLACE.id} knownName={PLACE.nom} vocabulary={VOCABULARY} onClose={onClose} />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

describe('the place panel', () => {
  it('takes focus on its heading, the place’s name', () => {
    renderPanel();
    const heading = screen.getByRole('heading', { level: 2, name: 'France Services de Bobigny' });
    expect(document.activeElement).toBe(heading);
  });

  it('shows the address and says when the position is only the town’s', () => {
    renderPanel();
    expect(screen.getByText('1 rue de la République')).toBeTruthy();
    expect(screen.getByText('Bâtiment B')).toBeTruthy();
    expect(screen.getByText('93000 Bobigny')).toBeTruthy();
    expect(screen.getByText('Position approximative (centre de la commune)')).toBeTruthy();
  });

  it('keeps the hours as written and makes the phone dialable', () => {
    renderPanel();
    expect(screen.getByText(/Lundi : 9 h – 12 h/).textContent).toBe('Lundi : 9 h – 12 h\nMardi : fermé');
    expect(screen.getByRole('link', { name: '01 48 95 20 00' }).getAttribute('href')).toBe('tel:0148952000');
  });

  it('never links a website that is not http(s)', () => {
    renderPanel();
    expect(screen.queryByText('Site internet')).toBeNull();
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
  });

  it('groups services by axis with their labels, and lists types and labels', () => {
    renderPanel();
    expect(screen.getByRole('heading', { level: 4, name: 'Aide au numérique' }).nextElementSibling?.textContent).toBe(
      'Utiliser les outils du quotidien',
    );
    expect(screen.getByRole('heading', { level: 4, name: 'Démarches administratives' }).nextElementSibling?.textContent).toBe(
      'Famille et allocations',
    );
    expect(screen.getByText('Aidants Connect')).toBeTruthy();
  });

  it('credits each source with its date and licence', () => {
    renderPanel();
    const source = screen.getByRole('link', { name: 'France Services (ANCT)' });
    expect(source.closest('li')?.textContent).toBe(
      'Informations du 01/08/2024, source : France Services (ANCT) (licence : Licence Ouverte)',
    );
    expect(source.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText('Fiche mise à jour le 01/08/2024.')).toBeTruthy();
  });

  it('closes with Escape and with the "Fermer" button', () => {
    const onClose = vi.fn();
    renderPanel(onClose);
    fireEvent.keyDown(screen.getByRole('heading', { level: 2 }), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Fermer' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
