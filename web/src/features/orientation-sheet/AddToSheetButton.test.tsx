// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Lang } from '../../i18n';
import { AddToSheetButton } from './AddToSheetButton';
import { addPlace, clearSelection, getSelection } from './selection';

const renderButton = (id: string, lang: Lang = 'fr') =>
  render(
    <I18nProvider lang={lang}>
      <AddToSheetButton id={id} />
    </I18nProvider>,
  );

beforeEach(() => clearSelection());
afterEach(cleanup);

describe('the "add to the orientation sheet" button', () => {
  it('adds the place, then offers to remove it', () => {
    renderButton('a');
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter à la fiche d’orientation' }));
    expect(getSelection()).toEqual(['a']);
    fireEvent.click(screen.getByRole('button', { name: 'Retirer de la fiche' }));
    expect(getSelection()).toEqual([]);
  });

  it('follows changes made elsewhere (another button, the sheet page)', () => {
    renderButton('a');
    act(() => void addPlace('a'));
    expect(screen.getByRole('button').textContent).toBe('Retirer de la fiche');
  });

  it('says the sheet is full instead of adding a seventh place', () => {
    for (const id of ['1', '2', '3', '4', '5', '6']) addPlace(id);
    renderButton('7');
    const button = screen.getByRole('button', { name: 'Fiche complète (6 lieux au plus)' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(getSelection()).not.toContain('7');
  });

  it('speaks English when the interface does', () => {
    renderButton('a', 'en');
    expect(screen.getByRole('button').textContent).toBe('Add to the orientation sheet');
  });
});
