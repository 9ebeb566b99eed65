import { readList } from './csv.ts';
import { cleanText, fold } from './normalise.ts';

// Mailboxes anyone can open: an address there is a person's unless its words say otherwise.
const CONSUMER_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'orange.fr', 'wanadoo.fr', 'free.fr', 'hotmail.fr', 'hotmail.com', 'laposte.net',
  'yahoo.fr', 'yahoo.com', 'ymail.com', 'sfr.fr', 'neuf.fr', 'outlook.fr', 'outlook.com', 'live.fr', 'live.com',
  'msn.com', 'icloud.com', 'me.com', 'aol.com', 'aliceadsl.fr', 'bbox.fr', 'numericable.fr', 'club-internet.fr',
  'cegetel.net', 'noos.fr', 'gmx.fr', 'gmx.com', 'protonmail.com', 'proton.me', 'orange-business.fr', '9online.fr',
]);

// Words of structures' mailboxes ("mairie.saint-denis@", "pij.nexon@", "franceservices.miramas@"):
// a local part containing one of them names a service, not a person. Short ones must start a word,
// so that a surname merely containing them ("Castellane" for "asso"…) is not taken for a service.
const GENERIC_PARTS = [
  'accueil', 'contact', 'info', 'mairie', 'secretar', 'direction', 'admin', 'asso', 'ccas', 'cias', 'mediat',
  'biblio', 'cyber', 'numeri', 'service', 'msap', 'pimms', 'emploi', 'social', 'sociale', 'jeune', 'famil',
  'solidar', 'culture', 'centre', 'espace', 'maison', 'permanence', 'insertion', 'mission', 'relais',
  'commune', 'agglo', 'metropole', 'departement', 'region', 'presiden', 'tresor', 'benevol', 'habitat',
  'logement', 'sante', 'handicap', 'enfance', 'parent', 'quartier', 'communication', 'tourisme', 'lecture',
  'ludo', 'animation', 'citoyen', 'public', 'ecole', 'college', 'lycee', 'comite', 'union', 'federation',
  'collectif', 'cooperative', 'atelier', 'fablab', 'cowork', 'formation', 'projet', 'aidant', 'seniors',
  'digital', 'informatique', 'multimedia', 'internet', 'agence', 'bureau', 'poste', 'secours', 'restos',
  'epicerie', 'club', 'ressource', 'reseau', 'office', 'cdos', 'udaf', 'caf', 'cpam', 'adil', 'cidff',
];
const GENERIC_WORDS = new Set([
  'pij', 'bij', 'epn', 'mfs', 'efs', 'fs', 'ml', 'mjc', 'cio', 'mjd', 'mds', 'msa', 'clic', 'cs', 'csc', 'evs',
  'rh', 'com', 'cn', 'cnfs', 'pole', 'cc', 'cdc', 'sivu', 'sivom', 'mdph', 'pmi', 'rsa',
]);

let givenNames: Set<string> | null = null;
function isGivenName(word: string): boolean {
  givenNames ??= new Set(readList('mappings/prenoms.txt'));
  return givenNames.has(word);
}

const EMAIL = /^[a-z0-9][a-z0-9._%+'-]*@[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$/;

/**
 * Does the address belong to a person rather than to a structure? On a consumer domain
 * (gmail, orange.fr…) two or three plain words ("regis.viallatte@gmail.com") are enough; on an
 * organisation's own domain the words must look like a person: a known given name
 * ("soufiane.belghit@loire.fr") or an initial and a name ("c.bertin@siea.fr"). Any word of a
 * service ("mairie.saint-denis@wanadoo.fr", "pij.nexon@wanadoo.fr") keeps the address.
 */
export function isPersonalEmail(email: string): boolean {
  const [local = '', domain = ''] = fold(email).split('@');
  const words = local.split(/[._-]+/).filter(Boolean);
  const isGeneric = (p: string) => (p.length >= 6 ? local.includes(p) : words.some((w) => w.startsWith(p)));
  if (GENERIC_PARTS.some(isGeneric)) return false;
  if (words.length < 2 || words.length > 3) return false;
  if (words.some((w) => !/^[a-z]+$/.test(w) || GENERIC_WORDS.has(w))) return false;
  if (CONSUMER_DOMAINS.has(domain)) return true;
  const initialAndName = words.length === 2 && words[0]!.length === 1 && words[1]!.length >= 3;
  return initialAndName || words.some(isGivenName);
}

export interface CleanEmail {
  courriel: string | null;
  dropped: number; // personal addresses removed
}

/** The first structure address of the field; a field may hold several ("a@x.fr / b@y.fr", "a@x.fr et b@y.fr"). */
export function cleanEmail(raw: string | undefined | null): CleanEmail {
  const candidates = (raw ?? '')
    .toLowerCase()
    .split(/[\s;,/]+/)
    .map((t) => t.replace(/^mailto:/, '').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .filter((t) => EMAIL.test(t));
  let dropped = 0;
  let kept: string | null = null;
  for (const c of candidates) {
    if (isPersonalEmail(c)) dropped++;
    else kept ??= c;
  }
  return { courriel: kept, dropped };
}

const DROM_PREFIXES = ['590', '594', '596', '262', '269'];

function formatNumber(raw: string): string {
  let digits = raw.replace(/\D/g, '');
  if (raw.trim().startsWith('+')) {
    if (digits.startsWith('330') && digits.length === 12) digits = `0${digits.slice(3)}`;
    else if (digits.startsWith('33') && digits.length === 11) digits = `0${digits.slice(2)}`;
    else if (DROM_PREFIXES.some((p) => digits.startsWith(p)) && digits.length === 12) digits = `0${digits.slice(3)}`;
  }
  if (/^0\d{9}$/.test(digits)) return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
  return raw.replace(/\s+/g, ' ').trim();
}

export interface CleanPhone {
  telephone: string | null;
  info: string | null; // what the source says about the number ("Numéro violet : service payant")
}

/** Phone numbers of the field as "0X XX XX XX XX", several joined by " / "; the rest of the text as info. */
export function cleanPhone(raw: string | undefined | null): CleanPhone {
  const text = cleanText(raw);
  if (!text) return { telephone: null, info: null };
  const numbers = text.match(/(?:\+\s?\d{2,3}\s?(?:\(0\)\s?)?)?\d(?:[\s.-]?\d){3,11}/g) ?? [];
  const telephone = numbers.map(formatNumber).filter((n) => n.replace(/\D/g, '').length >= 4);
  let info: string | null = text;
  for (const n of numbers) info = info.replace(n, ' ');
  info = cleanText(info.replace(/\(.*$/, '').replace(/^[\s/:;,-]+|[\s/:;,-]+$/g, ''));
  return {
    telephone: telephone.length ? [...new Set(telephone)].join(' / ') : null,
    info: info && /[a-z]{3}/i.test(info) ? info : null,
  };
}

/** A web address with its scheme, or null for text that is not one (an e-mail, a sentence). */
export function cleanWebsite(raw: string | undefined | null): string | null {
  const v = cleanText(raw);
  if (!v || /\s|@/.test(v) || !v.includes('.')) return null;
  return /^https?:\/\//i.test(v) ? v : `https://${v.replace(/^\/+/, '')}`;
}
