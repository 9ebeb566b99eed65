import { describe, expect, it } from 'vitest';
import { adminMessages } from './messages';
import type { CoordinatedPlace } from './admin-api';
import { changedValues, differingFields, emptyValues, fromForm, toForm, validate } from './place-form';

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

  describe('labels and details', () => {
    const stored = {
      publics: ['Adultes', 'Solidaire (tarif réduit, ou convention)'],
      conditions_acces: ['Gratuit'],
      prise_rdv: true,
      format: 'Fixe',
      pivot: '13000000000000',
      itinerant: false,
    };
    const place = {
      ...fromForm(complete),
      id: 'lmn-1',
      labels: ['France Services', 'SUD LABS (PACA)'],
      details: stored,
    } as unknown as CoordinatedPlace;
    const base = toForm(place);

    it('shows list details as comma-separated text and yes/no as a choice', () => {
      expect(base['details.publics']).toBe('Adultes, Solidaire (tarif réduit, ou convention)');
      expect(base['details.prise_rdv']).toBe('oui');
      expect(base['details.modalites_accompagnement']).toBe('');
    });

    it('sends nothing about labels or details when neither changed, whatever the order of labels', () => {
      const edited = { ...base, labels: ['SUD LABS (PACA)', 'France Services'] };
      expect(differingFields(base, edited)).toEqual([]);
      expect(changedValues(base, edited)).toEqual({});
    });

    it('sends the new list of labels, keeping a label outside the known list', () => {
      expect(changedValues(base, { ...base, labels: [...base.labels, 'Aidants Connect'] })).toEqual({
        labels: ['France Services', 'SUD LABS (PACA)', 'Aidants Connect'],
      });
    });

    it('sends the whole details object with only the edited keys rewritten and unknown keys untouched', () => {
      const edited = {
        ...base,
        'details.publics': 'Adultes, Solidaire (tarif réduit, ou convention), Seniors (+ 65 ans), Adultes',
        'details.prise_rdv': 'non',
        'details.format': ' ',
        'details.commentaire': 'Sur rendez-vous le mardi',
      };
      expect(changedValues(base, edited)).toEqual({
        details: {
          publics: ['Adultes', 'Solidaire (tarif réduit, ou convention)', 'Seniors (+ 65 ans)'],
          conditions_acces: ['Gratuit'],
          prise_rdv: false,
          pivot: '13000000000000',
          itinerant: false,
          commentaire: 'Sur rendez-vous le mardi',
        },
      });
    });

    it('keeps a known key stored in another shape until the coordinator types over it', () => {
      const odd = toForm({ ...place, details: { prise_rdv: 'Sur rendez-vous', format: 'Fixe' } });
      expect(odd['details.prise_rdv']).toBe('');
      expect(changedValues(odd, { ...odd, 'details.format': 'Bus' })).toEqual({ details: { prise_rdv: 'Sur rendez-vous', format: 'Bus' } });
      expect(changedValues(odd, { ...odd, 'details.prise_rdv': 'oui' })).toEqual({ details: { prise_rdv: true, format: 'Fixe' } });
    });

    it('lists a change of unshown details made by someone else as its own field', () => {
      const theirs = { ...base, details: { ...stored, pivot: '21000000000000', format: 'Bus' }, 'details.format': 'Bus' };
      expect(differingFields(base, theirs)).toEqual(['details.format', 'details']);
    });

    it('refuses more than 30 labels and details over 10,000 characters, on the longest field', () => {
      const errors = validate(
        { ...complete, labels: Array.from({ length: 31 }, (_, i) => `Label ${i}`), 'details.commentaire': 'x'.repeat(10_001) },
        m,
      );
      expect(errors).toEqual({ labels: m.invalid.labels, 'details.commentaire': m.invalid.details });
    });
  });
});
