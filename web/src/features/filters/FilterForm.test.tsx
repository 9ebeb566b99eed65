// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Lang } from '../../i18n';
import type { Filters, Vocabulary } from '../../lib/api';
import { FilterForm } from './FilterForm';

afterEach(cleanup);

const entry = (id: string, label: string, label_en: string, count: number) => ({ id, label, label_en, count });

const VOCABULARY: Vocabulary = {
  numerique: [
    entry('maitrise-des-outils-numeriques-du-quotidien', 'Utiliser les outils du quotidien', 'Everyday digital tools', 120),
    entry('acces-internet-et-materiel-informatique', 'Accès à internet et à un ordinateur', 'Internet and computer access', 0),
  ],
  demarches: [
    entry('famille-allocations', 'Famille et allocations', 'Family and benefits', 1234),
    entry('impots', 'Impôts', 'Taxes', 87),
  ],
  types: [entry('france-services', 'France Services', 'France Services', 41)],
  labels: [
    entry('aidants-connect', 'Aidants Connect', 'Aidants Connect', 12),
    entry('conseillers-numeriques', 'Conseillers numériques', 'Conseillers numériques', 30),
  ],
};

function Harness({ lang = 'fr', initial }: { lang?: Lang; initial: Filters }) {
  const [filters, setFilters] = useState(initial);
  return (
    <I18nProvider lang={lang}>
      <FilterForm
        vocabulary={VOCABULARY}
        filters={filters}
        onChange={setFilters}
        onReset={() => setFilters({ services: [], types: [], labels: [] })}
      />
      <output data-testid="state">{JSON.stringify(filters)}</output>
    </I18nProvider>
  );
}

const currentFilters = () => JSON.parse(screen.getByTestId('state').textContent ?? '') as Filters;

describe('the filter form', () => {
  it('has one fieldset per axis, named by its legend, with a box per entry', () => {
    render(<Harness initial={{ services: [], types: [], labels: [] }} />);
    const groups = screen.getAllByRole('group');
    expect(groups.map((g) => g.querySelector('legend')?.textContent)).toEqual([
      'Aide au numérique',
      'Démarches administratives',
      'Type de lieu',
      'Labels',
    ]);
    const demarches = screen.getByRole('group', { name: 'Démarches administratives' });
    expect(within(demarches).getAllByRole('checkbox')).toHaveLength(2);
  });

  it('shows each count and says it in words to screen readers', () => {
    render(<Harness initial={{ services: [], types: [], labels: [] }} />);
    const family = screen.getByRole('checkbox', { name: /Famille et allocations/ });
    const label = family.closest('label')!;
    expect(label.textContent).toMatch(/\(1[\s\u202f]234\)/);
    expect(label.querySelector('.sr-only')?.textContent).toMatch(/1[\s\u202f]234 lieux/);
    expect(screen.getByRole('checkbox', { name: /Accès à internet/ }).closest('label')?.textContent).toContain('(0)');
  });

  it('ticks and unticks within an axis, keeping ids in a stable order', () => {
    render(<Harness initial={{ services: [], types: [], labels: [] }} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Impôts/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Famille et allocations/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /France Services/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Conseillers numériques/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Aidants Connect/ }));
    expect(currentFilters()).toEqual({
      services: ['famille-allocations', 'impots'],
      types: ['france-services'],
      labels: ['aidants-connect', 'conseillers-numeriques'],
    });
    expect(screen.getByRole('checkbox', { name: /Impôts/ })).toHaveProperty('checked', true);

    fireEvent.click(screen.getByRole('checkbox', { name: /Impôts/ }));
    expect(currentFilters().services).toEqual(['famille-allocations']);
  });

  it('resets every axis', () => {
    render(<Harness initial={{ services: ['impots'], types: ['france-services'], labels: ['aidants-connect'] }} />);
    expect(screen.getByRole('checkbox', { name: /France Services/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: /Aidants Connect/ })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('button', { name: 'Réinitialiser les filtres' }));
    expect(currentFilters()).toEqual({ services: [], types: [], labels: [] });
    expect(screen.getAllByRole('checkbox').every((c) => !(c as HTMLInputElement).checked)).toBe(true);
  });

  it('uses the English labels from the API in English', () => {
    render(<Harness lang="en" initial={{ services: [], types: [], labels: [] }} />);
    expect(screen.getByRole('group', { name: 'Official paperwork' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Family and benefits/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reset filters' })).toBeTruthy();
  });
});
