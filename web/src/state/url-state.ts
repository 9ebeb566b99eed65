import { estLang, type Lang } from '../i18n/lang';
import { bboxDepuisTexte, bboxVersTexte, type BBox } from '../lib/geo';

/**
 * Everything a shared link or the back button must restore. `lang: null` means "not chosen in
 * the URL": the stored preference, then French, apply.
 */
export interface EtatUrl {
  lang: Lang | null;
  services: string[];
  types: string[];
  zone: BBox | null;
  lieu: string | null;
}

export const ETAT_INITIAL: EtatUrl = { lang: null, services: [], types: [], zone: null, lieu: null };

const ID_VOCABULAIRE = /^[a-z0-9][a-z0-9-]{0,79}$/;
const ID_LIEU = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

// Sorted and deduplicated: the same selection always gives the same URL and cache key.
export const listeIds = (ids: Iterable<string>) => [...new Set(ids)].sort();

function lireIds(brut: string | null): string[] {
  if (!brut) return [];
  return listeIds(brut.split(',').filter((id) => ID_VOCABULAIRE.test(id)));
}

/** Unknown or malformed values are dropped, never trusted: the link may have been hand-edited. */
export function lireEtat(search: string): EtatUrl {
  const q = new URLSearchParams(search);
  const lang = q.get('lang');
  const lieu = q.get('lieu');
  const zone = q.get('zone');
  return {
    lang: estLang(lang) ? lang : null,
    services: lireIds(q.get('services')),
    types: lireIds(q.get('types')),
    zone: zone ? bboxDepuisTexte(zone) : null,
    lieu: lieu && ID_LIEU.test(lieu) ? lieu : null,
  };
}

// Commas and the place id's characters stay literal so that a shared link stays readable.
const encoder = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/** '?…' or '' when nothing differs from the defaults. */
export function ecrireEtat(etat: EtatUrl): string {
  const parts: [string, string][] = [];
  if (etat.lang) parts.push(['lang', etat.lang]);
  if (etat.services.length) parts.push(['services', etat.services.join(',')]);
  if (etat.types.length) parts.push(['types', etat.types.join(',')]);
  if (etat.zone) parts.push(['zone', bboxVersTexte(etat.zone)]);
  if (etat.lieu) parts.push(['lieu', etat.lieu]);
  return parts.length ? '?' + parts.map(([k, v]) => `${k}=${encoder(v)}`).join('&') : '';
}
