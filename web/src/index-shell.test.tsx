// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EARLY_FORM_ID, EARLY_INPUT_ID } from './features/help-near-me/early-search';
import { PlaceSearch } from './features/help-near-me/PlaceSearch';
import { I18nProvider } from './i18n';
import fr from './i18n/fr';
import page from '../index.html?raw';

afterEach(cleanup);


const shell = new DOMParser().parseFromString(page, 'text/html');
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

/** What a person sees and what assistive technology reads of a search field. */
function describeSearch(form: Element) {
  const input = form.querySelector('input')!;
  return {
    form: [form.getAttribute('role'), form.className],
    label: text(form.querySelector('label')),
    labelFor: form.querySelector('label')?.getAttribute('for') === input.id,
    hint: text(form.querySelector('.field-hint')),
    describedBy: input.getAttribute('aria-describedby') === form.querySelector('.field-hint')?.id,
    input: ['type', 'role', 'autocomplete', 'aria-autocomplete', 'aria-expanded', 'maxlength'].map((a) => input.getAttribute(a)),
    controls: form.querySelector(`#${input.getAttribute('aria-controls')}`)?.getAttribute('role'),
    button: [text(form.querySelector('button')), form.querySelector('button')?.className],
  };
}

describe('the first screen drawn by index.html before the app', () => {
  it('is the home page’s search field as the app draws it, in French', () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nProvider lang="fr">
          <PlaceSearch onCommune={vi.fn()} onPlace={vi.fn()} />
        </I18nProvider>
      </QueryClientProvider>,
    );
    const early = shell.getElementById(EARLY_FORM_ID)!;
    expect(early.querySelector('input')?.id).toBe(EARLY_INPUT_ID);
    expect(describeSearch(early)).toEqual(describeSearch(document.querySelector('form')!));
  });

  it('has the app’s header words and a language link that works without the app', () => {
    expect(text(shell.querySelector('.brand'))).toBe(fr.siteName);
    expect(text(shell.querySelector('.tagline'))).toBe(fr.tagline);
    const lang = shell.querySelector('.button-lang')!;
    expect([text(lang), lang.getAttribute('lang'), lang.getAttribute('href')]).toEqual([fr.switchLanguage, 'en', '/?lang=en']);
    expect(shell.documentElement.lang).toBe('fr');
  });
});
