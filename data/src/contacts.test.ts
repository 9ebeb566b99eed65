import { describe, expect, it } from 'vitest';
import { cleanEmail, cleanPhone, cleanWebsite, isPersonalEmail } from './contacts.ts';

describe('personal e-mails', () => {
  it.each([
    'regis.viallatte@gmail.com', // first.last on a consumer domain (LMN, hinaura)
    'beaupeu.muriel@neuf.fr', // last.first
    'c.bertin@siea.fr', // initial and name on an organisation's domain
    'soufiane.belghit@loire.fr', // given name on a département's domain
    'd.colnot@mfcc.fr', // France Services 2024
  ])('drops %s', (email) => {
    expect(isPersonalEmail(email)).toBe(true);
  });

  it.each([
    'mairie.saint-denis@wanadoo.fr', // a mairie on a consumer domain
    'pij.nexon@wanadoo.fr',
    'franceservices.miramas@orange.fr',
    'asso.intermaide@gmail.com',
    'vailly.franceservices@orange.fr',
    'le.mene@france-services.gouv.fr', // place names on the France Services domain
    'ajaccio.empereur@france-services.gouv.fr',
    'saint-trivier-de-courtes@france-services.gouv.fr',
    'adil.01@wanadoo.fr',
    'contact@cidff01.fr',
    'mds.cotiere-val-de-saone@ain.fr',
    'nfaustin.ccassterose@orange.fr',
  ])('keeps %s', (email) => {
    expect(isPersonalEmail(email)).toBe(false);
  });

  it('keeps the structure address of a field that lists several, and counts the personal ones', () => {
    expect(cleanEmail('regis.viallatte@gmail.com et accueil@clonas.fr')).toEqual({ courriel: 'accueil@clonas.fr', dropped: 1 });
    expect(cleanEmail('s.bencivengo@siea.fr / cn@siea.fr')).toEqual({ courriel: 'cn@siea.fr', dropped: 1 });
    expect(cleanEmail('courriel : cnumerique15@gmail.com')).toEqual({ courriel: 'cnumerique15@gmail.com', dropped: 0 });
    expect(cleanEmail('accuei[a]cap-berriat.com')).toEqual({ courriel: null, dropped: 0 });
    expect(cleanEmail('Regis.Viallatte@gmail.com')).toEqual({ courriel: null, dropped: 1 });
  });
});

describe('phones and web sites', () => {
  it('writes French numbers as 0X XX XX XX XX', () => {
    expect(cleanPhone('+33321931924').telephone).toBe('03 21 93 19 24');
    expect(cleanPhone('04.76.06.98.27').telephone).toBe('04 76 06 98 27');
    expect(cleanPhone('+33 (0)2 37 28 12 20').telephone).toBe('02 37 28 12 20');
    expect(cleanPhone('+590590123456').telephone).toBe('05 90 12 34 56');
  });

  it('keeps what the annuaire says about special-rate numbers', () => {
    const phone = cleanPhone(
      '08 10 25 08 10 / Numéro violet : service payant + prix dun appel (dépend de votre opérateur,  pour connaître le tarif)',
    );
    expect(phone.telephone).toBe('08 10 25 08 10');
    expect(phone.info).toBe('Numéro violet : service payant + prix dun appel');
  });

  it('adds a scheme to bare web addresses and refuses what is not one', () => {
    expect(cleanWebsite('www.cc-mdl.fr/maisons-services')).toBe('https://www.cc-mdl.fr/maisons-services');
    expect(cleanWebsite('http://www.adil01.org')).toBe('http://www.adil01.org');
    expect(cleanWebsite('contact@mairie.fr')).toBeNull();
  });
});
