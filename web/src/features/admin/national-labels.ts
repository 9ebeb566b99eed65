/**
 * National labels and programmes a place can carry: the `dispositif_programmes_nationaux`
 * enumeration of the Lieux de médiation numérique standard v1.0.2 (LaMednum / ANCT), as listed in
 * data/schemas/schema-lieux-mediation-numerique-v1.0.2.json. The edit
 * form offers them next to the labels the API finds in the data.
 */
export const LMN_NATIONAL_LABELS = [
  'Aidants Connect',
  'Bibliothèques numérique de référence',
  'Certification PIX',
  'Conseillers numériques',
  'Emmaüs Connect',
  'France Services',
  'Grande école du numérique',
  'La Croix Rouge',
  "Point d'accès numérique CAF",
  'Promeneurs du net',
  'Relais numérique (Emmaüs Connect)',
] as const;

/** The labels known in the data first (as the API lists them), then the standard's others. */
export function labelChoices(inData: readonly string[]): string[] {
  return [...new Set([...inData, ...LMN_NATIONAL_LABELS])];
}
