import { describe, expect, it } from 'vitest';
import { adminMessages } from './messages';
import { changedValues, differingFields, emptyValues, fromForm, validate } from './place-form';

const m = adminMessages.fr;
const complete = {
  ...emptyValues(),
  nom: 'France Services Ajaccio',
  code_postal: '20000',
  commune: 'Ajaccio',
  latitude: '41,92',
  longitude: '8.73',
  types: ['france-services'],
};

describe('the place edit form rules', () => {
  it('asks for what a place needs and explains each malformed field in French', () => {
    const errors = validate({ ...emptyValues(), code_postal: '7501', courriel: 'accueil@', site_web: 'mairie', telephone: '99 99' }, m);
    expect(errors).toEqual({
      nom: 'Indiquez le nom du lieu (au moins 2 caractères).',
      code_postal: 'Le code postal doit comporter 5 chiffres, par exemple 93000.',
      commune: 'Indiquez la commune.',
      latitude: m.invalid.latitude,
      longitude: m.invalid.longitude,
      telephone: m.invalid.telephone,
      courriel: 'L’adresse e-mail n’est pas valide.',
      site_web: m.invalid.site_web,
      types: 'Choisissez au moins un type de lieu.',
    });
  });

  it('accepts a complete place, Corsican INSEE codes, decimal commas and French phone numbers', () => {
    const f = { ...complete, code_insee: '2a004', telephone: '04 95 00 00 00' };
    expect(validate(f, m)).toEqual({});
    expect(fromForm(f)).toMatchObject({ code_insee: '2A004', latitude: 41.92, longitude: 8.73, adresse: null });
  });

  it('sends only the fields the coordinator changed, ignoring the order of services', () => {
    const base = { ...complete, services: ['x', 'y'] };
    const edited = { ...base, services: ['y', 'x'], telephone: '01 02 03 04 05', adresse: '' };
    expect(differingFields(base, edited)).toEqual(['telephone']);
    expect(changedValues(base, { ...edited, nom: 'France Services du Grand Ajaccio' })).toEqual({
      nom: 'France Services du Grand Ajaccio',
      telephone: '01 02 03 04 05',
    });
  });
});
