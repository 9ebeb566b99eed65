export type Lang = 'fr' | 'en';

export const estLang = (x: unknown): x is Lang => x === 'fr' || x === 'en';
