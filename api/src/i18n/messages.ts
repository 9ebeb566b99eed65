import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';

export type Lang = 'fr' | 'en';
export type { MessageKey };

const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en };

export function message(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** `?lang=en` wins, then the first supported language of Accept-Language; French otherwise. */
export function pickLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'en' || query === 'fr') return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('fr')) return 'fr';
    if (tag.startsWith('en')) return 'en';
  }
  return 'fr';
}
