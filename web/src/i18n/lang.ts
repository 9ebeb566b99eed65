export type Lang = 'fr' | 'en';

export const isLang = (x: unknown): x is Lang => x === 'fr' || x === 'en';
