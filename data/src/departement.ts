/**
 * The département a code belongs to, one rule for every part of the app.
 * INSEE codes: overseas départements and collectivities have three digits (974, 987), Corsica's
 * codes carry 2A / 2B. Postcodes: overseas ones start with 97x / 98x; Corsica's all start with 20,
 * 200xx–201xx being Corse-du-Sud (2A) and 202xx–206xx Haute-Corse (2B), true of every postcode
 * of La Poste's base (data/sources/communes/codes-postaux.csv.gz, checked by departement.test.ts).
 */
const overseas = (code: string) => code.startsWith('97') || code.startsWith('98');

export function departementOfInsee(codeInsee: string): string {
  return overseas(codeInsee) ? codeInsee.slice(0, 3) : codeInsee.slice(0, 2);
}

export function departementOfPostcode(codePostal: string | null): string | null {
  if (!codePostal || !/^\d{5}$/.test(codePostal)) return null;
  if (overseas(codePostal)) return codePostal.slice(0, 3);
  if (codePostal.startsWith('20')) return codePostal < '20200' ? '2A' : '2B';
  return codePostal.slice(0, 2);
}

/** The INSEE code decides when there is one: a postcode may serve communes of two départements. */
export function departementOf(codeInsee: string | null, codePostal: string | null): string | null {
  return codeInsee ? departementOfInsee(codeInsee) : departementOfPostcode(codePostal);
}
