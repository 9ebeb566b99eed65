import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { ErrorSummary, TextField } from './form';

describe('form errors, GOV.UK style', () => {
  it('puts a focused summary first, with a link to each field in error', () => {
    render(
      <I18nProvider lang="fr">
        <ErrorSummary errors={{ nom: 'Indiquez le nom du lieu.' }} general="Le formulaire contient une erreur." />
        <TextField name="nom" label="Nom du lieu" value="" onChange={() => undefined} error="Indiquez le nom du lieu." required />
      </I18nProvider>,
    );
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).toContain('Il y a un problème');
    const link = screen.getByRole('link', { name: 'Indiquez le nom du lieu.' });
    const field = screen.getByRole('textbox', { name: /Nom du lieu/ });
    expect(link.getAttribute('href')).toBe('#' + field.id);
    link.click();
    expect(document.activeElement).toBe(field);
  });

  it('reads the hint and the error with the field', () => {
    render(
      <I18nProvider lang="en">
        <TextField name="code_postal" label="Postcode" hint="5 digits." value="7501" onChange={() => undefined} error="The postcode must have 5 digits." />
      </I18nProvider>,
    );
    const field = screen.getByRole('textbox', { name: /Postcode/ });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['5 digits.', 'Error: The postcode must have 5 digits.']);
  });
});
