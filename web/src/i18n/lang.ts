export type Lang = 'fr' | 'en';

export const isLang = (x: unknown): x is Lang => x === 'fr' || x === 'en';

// The value stays as first shipped so that choices already stored in browsers still apply.
const STORAGE_KEY = 'reperes.langue';

// Storage can throw (private mode, disabled cookies): the choice then lasts only in the URL.
export function storedLang(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // See storedLang.
  }
}
