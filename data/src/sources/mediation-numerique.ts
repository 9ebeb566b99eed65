import { createHash } from 'node:crypto';
import { cleanEmail, cleanPhone, cleanWebsite } from '../contacts.ts';
import { readCsv, type Row } from '../csv.ts';
import { lmnHours } from '../hours.ts';
import { mapServices } from '../lmn-services.ts';
import { locate } from '../locate.ts';
import { typesFromName } from '../names.ts';
import { cleanText, foldWords, normalisePostcode } from '../normalise.ts';
import { countRead, type SourceResult } from '../source-place.ts';
import type { SourceDef } from '../vocabulary.ts';
import { compactDetails, makePlace, type ImportContext } from './context.ts';

export const LMN_FALLBACK_TYPE = 'mediation-numerique';
export const REJECT_UNKNOWN_DATASET = 'jeu de données absent de mappings/sources.csv';

/** LMN uids are long and unreadable ("cnfs-2022-12:62592a1d…"): a short hash keeps the id stable and URL-safe. */
export const lmnLieuId = (uid: string): string => `lmn-${createHash('sha1').update(uid).digest('hex').slice(0, 10)}`;

/** "2022-05-09", "30/08/2022 12:08:00" → ISO date; the 1969/1970 epoch placeholders of some exports → null. */
export function parseLmnDate(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  const iso = v.match(/^(\d{4})-(\d{2})-(\d{2})/);
  const fr = v.match(/^(\d{2})\/(\d{2})\/(\d{4})/);
  const date = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : null;
  return date !== null && date >= '2000' ? date : null;
}

/** A multi-valued cell ("a;b", '{a,"b c"}', 'a,"b (c, d)"') as distinct values, "Label : explanation" kept as "Label". */
export function splitValues(value: string | undefined): string[] {
  const parts = (value ?? '')
    .split(/;|\||,(?![^(]*\))/)
    .map((p) => cleanText(p.replace(/["{}]/g, '').replace(/\s+:\s.*$/, '')))
    .filter((p): p is string => p !== null);
  return [...new Set(parts)];
}

function typologyTypes(raw: string | undefined, ctx: ImportContext): string[] {
  const types = new Set<string>();
  for (const token of (raw ?? '').split(/[{}"]+|,|;|\|/)) {
    const key = foldWords(token);
    if (key) for (const t of ctx.vocab.lmnTypologies.get(key) ?? []) types.add(t);
  }
  return [...types];
}

function labels(raw: string | undefined, ctx: ImportContext): string[] {
  const out = new Set<string>();
  for (const token of (raw ?? '').split(/[;,|]/)) {
    const label = ctx.vocab.lmnLabels.get(foldWords(token));
    if (label) out.add(label);
  }
  return [...out];
}

const siret = (pivot: string | undefined) => {
  const digits = (pivot ?? '').replace(/\s/g, '');
  return /^\d{14}$/.test(digits) && !/^0+$/.test(digits) ? digits : null;
};

/**
 * Lieux de médiation numérique consolidated from 20 datasets, each its own source. Services are
 * mapped to the 9 v1 services (and démarches domains where a label names an administration); the
 * structure type comes from the `typologie` cell and from the name, "lieu de médiation numérique"
 * when neither says anything.
 */
export function mediationNumeriquePlaces(rows: Row[], ctx: ImportContext): SourceResult & { unmappedServiceLabels: Set<string> } {
  const result = { read: new Map(), places: [], rejects: [], unmappedServiceLabels: new Set<string>() } as SourceResult & {
    unmappedServiceLabels: Set<string>;
  };
  const defs = new Map<string, SourceDef>();
  for (const def of ctx.vocab.sources.values()) if (def.jeu) defs.set(def.jeu, def);
  for (const r of rows) {
    const dataset = r.source_dataset!;
    const def = defs.get(dataset);
    // source_id repeats within a dataset ("1003" and "1003#2"); the uid, which the consolidation made unique, does not.
    const ref = r.uid!.slice(dataset.length + 1);
    countRead(result.read, def?.id ?? `lmn-${dataset}`);
    if (!def) {
      result.rejects.push({ source: `lmn-${dataset}`, ref, reason: REJECT_UNKNOWN_DATASET });
      continue;
    }
    const located = locateLmnRow(r, def, ctx);
    if (!located.ok) {
      result.rejects.push({ source: def.id, ref, reason: located.reason });
      continue;
    }
    const services = mapServices(r.services ?? '', dataset, ctx.vocab);
    for (const u of services.unmapped) result.unmappedServiceLabels.add(u);
    const nom = r.nom ?? '';
    const commune = located.commune?.nom ?? cleanText(r.commune);
    const types = [...new Set([...typologyTypes(r.typologie, ctx), ...typesFromName(nom, commune, ctx.vocab.nameRules)])];
    result.places.push(
      makePlace(def, located, { ref, lieuId: lmnLieuId(r.uid!), nom }, {
        ...lmnRowFields(r, commune, { courriel: r.courriel, siteWeb: r.site_web }),
        services: services.services,
        types,
        fallbackType: LMN_FALLBACK_TYPE,
        labels: labels(r.labels_nationaux, ctx),
        details: compactDetails({
          publics: splitValues(r.publics_accueillis),
          modalites_accompagnement: splitValues(r.modalites_accompagnement),
          conditions_acces: splitValues(r.conditions_acces),
          pivot: siret(r.pivot),
        }),
        dateMaj: parseLmnDate(r.date_maj) ?? def.date,
        duplicateHint: r.possible_duplicate_of ? lmnLieuId(r.possible_duplicate_of) : null,
      }),
    );
  }
  return result;
}

/** Where an LMN row is: the same rules for the national dataset and for an LMN file a coordinator imports. */
export const locateLmnRow = (r: Record<string, string | undefined>, def: SourceDef, ctx: ImportContext) =>
  locate(ctx.communes, {
    lat: r.latitude,
    lon: r.longitude,
    codeInsee: r.code_insee,
    codePostal: r.code_postal,
    commune: r.commune,
    nom: r.nom,
    precision: 'adresse',
    territoire: def.territoire,
  });

/** An LMN row's address, contacts and hours, cleaned the same way whatever brought the row. */
export function lmnRowFields(
  r: Record<string, string | undefined>,
  commune: string | null,
  contacts: { courriel: string | undefined; siteWeb: string | undefined },
) {
  const hours = lmnHours(r.horaires);
  const email = cleanEmail(contacts.courriel);
  return {
    adresse: cleanText(r.adresse),
    complementAdresse: cleanText(r.complement_adresse),
    codePostal: normalisePostcode(r.code_postal),
    commune,
    telephone: cleanPhone(r.telephone).telephone,
    courriel: email.courriel,
    emailsDropped: email.dropped,
    siteWeb: cleanWebsite(contacts.siteWeb),
    horairesTexte: hours.texte,
    horairesOsm: hours.osm,
  };
}

export const readMediationNumerique = (ctx: ImportContext) =>
  mediationNumeriquePlaces(readCsv('sources/mediation-numerique/lieux-mediation-numerique.csv.gz'), ctx);
