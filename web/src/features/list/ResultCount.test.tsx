// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Lang } from '../../i18n';
import { ResultCount } from './ResultCount';

afterEach(cleanup);

const renderHeading = (lang: Lang, total: number | undefined, unavailable = false) => {
  render(
    <I18nProvider lang={lang}>
      <ResultCount id="t" total={total} unavailable={unavailable} />
    </I18nProvider>,
  );
  return screen.getByRole('heading', { level: 2 });
};

describe('the count of places in view', () => {
  it.each([
    [0, 'Aucun lieu dans cette zone'],
    [1, '1 lieu dans cette zone'],
    [2, '2 lieux dans cette zone'],
    [312, '312 lieux dans cette zone'],
  ])('says %i in French as "%s"', (total, text) => {
    expect(renderHeading('fr', total).textContent).toBe(text);
  });

  it.each([
    [0, 'No places in this area'],
    [1, '1 place in this area'],
    [312, '312 places in this area'],
    [31234, '31,234 places in this area'],
  ])('says %i in English as "%s"', (total, text) => {
    expect(renderHeading('en', total).textContent).toBe(text);
  });

  it('groups thousands the French way', () => {
    expect(renderHeading('fr', 31234).textContent).toMatch(/^31[\s\u202f]234 lieux dans cette zone$/);
  });

  it('is announced politely, as one sentence, without moving focus', () => {
    const h2 = renderHeading('fr', 5);
    const region = h2.closest('[aria-live]');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.getAttribute('aria-atomic')).toBe('true');
    expect(document.activeElement).not.toBe(h2);
  });

  it('says it is searching before the first answer, and says so when that answer failed', () => {
    expect(renderHeading('fr', undefined).textContent).toBe('Recherche des lieux…');
    cleanup();
    expect(renderHeading('fr', undefined, true).textContent).toBe('Liste des lieux indisponible');
  });

  it('keeps the last count on screen when a later refresh fails', () => {
    expect(renderHeading('fr', 12, true).textContent).toBe('12 lieux dans cette zone');
  });
});
