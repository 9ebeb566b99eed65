import { readCsv, splitPipe } from './csv.ts';
import type { SourceTerritory } from './locate.ts';
import { foldWords } from './normalise.ts';

export interface ServiceDef {
  id: string;
  axe: 'numerique' | 'demarches';
  bit: number;
  label: string;
  labelEn: string;
  description: string;
  position: number;
}

export interface TypeDef {
  id: string;
  bit: number;
  codeDi: string | null;
  label: string;
  labelEn: string;
  demarches: string[]; // démarches domains every place of this type helps with
  servicesNumerique: string[];
  position: number;
}

export interface SourceDef {
  id: string;
  jeu: string | null; // source_dataset value in lieux-mediation-numerique.csv
  nom: string;
  licence: string;
  url: string | null;
  date: string;
  rang: number;
  territoire: SourceTerritory;
}

export interface AnnuaireNetwork {
  keep: boolean;
  type: string | null;
  reason: string;
}

export interface Vocabulary {
  services: ServiceDef[];
  types: TypeDef[];
  sources: Map<string, SourceDef>;
  lmnServiceLabels: Map<string, { services: string[]; demarches: string[] }>; // foldWords(observed label) → targets
  lmnCanonicalLabels: { key: string; services: string[] }[]; // v0 and v1 labels, longest first
  lmnServiceKeywords: { re: RegExp; services: string[] }[];
  lmnTypologies: Map<string, string[]>; // foldWords(value) → type ids (empty: not a structure type)
  nameRules: { type: string; re: RegExp }[];
  lmnLabels: Map<string, string>; // foldWords(value) → display label ('' = not a label)
  annuaireNetworks: Map<string, AnnuaireNetwork>;
}

function checkIds(ids: string[], known: Set<string>, where: string): string[] {
  for (const id of ids) if (!known.has(id)) throw new Error(`${where} : identifiant inconnu « ${id} »`);
  return ids;
}

/** The import's vocabularies and crosswalks, all kept as data in data/mappings/ (see data/README.md). */
export function loadVocabulary(): Vocabulary {
  const services: ServiceDef[] = readCsv('mappings/services.csv').map((r, i, all) => ({
    id: r.id!,
    axe: r.axe as ServiceDef['axe'],
    bit: Number(r.bit),
    label: r.label!,
    labelEn: r.label_en!,
    description: r.description!,
    position: all.filter((o, j) => j < i && o.axe === r.axe).length + 1,
  }));
  const serviceIds = new Set(services.map((s) => s.id));
  const types: TypeDef[] = readCsv('mappings/types.csv').map((r, i) => ({
    id: r.id!,
    bit: Number(r.bit),
    codeDi: r.code_di || null,
    label: r.label!,
    labelEn: r.label_en!,
    demarches: checkIds(splitPipe(r.demarches), serviceIds, `types.csv ${r.id}`),
    servicesNumerique: checkIds(splitPipe(r.services_numerique), serviceIds, `types.csv ${r.id}`),
    position: i + 1,
  }));
  const typeIds = new Set(types.map((t) => t.id));

  const sources = new Map<string, SourceDef>();
  for (const r of readCsv('mappings/sources.csv')) {
    sources.set(r.id!, {
      id: r.id!,
      jeu: r.jeu || null,
      nom: r.nom!,
      licence: r.licence!,
      url: r.url || null,
      date: r.date!,
      rang: Number(r.rang),
      territoire: r.territoire as SourceTerritory,
    });
  }

  const serviceByLabel = new Map(services.map((s) => [foldWords(s.label), s.id]));
  const toServiceIds = (labels: string[], where: string) =>
    labels.map((l) => {
      const id = serviceByLabel.get(foldWords(l));
      if (!id) throw new Error(`${where} : service inconnu « ${l} »`);
      return id;
    });

  const lmnServiceLabels = new Map<string, { services: string[]; demarches: string[] }>();
  const lmnCanonicalLabels: { key: string; services: string[] }[] = [];
  for (const r of readCsv('mappings/reference/services-lmn-v0-vers-v1.csv')) {
    const targets = {
      services: toServiceIds(splitPipe(r.services_v1), 'services-lmn-v0-vers-v1.csv'),
      demarches: checkIds(splitPipe(r.domaines_demarches), serviceIds, 'services-lmn-v0-vers-v1.csv'),
    };
    lmnServiceLabels.set(foldWords(r.libelle_observe!), targets);
    if (r.type_libelle === 'v0' || r.type_libelle === 'v1') {
      lmnCanonicalLabels.push({ key: foldWords(r.libelle_v0_canonique || r.libelle_observe!), services: targets.services });
    }
  }
  lmnCanonicalLabels.sort((a, b) => b.key.length - a.key.length);

  const lmnServiceKeywords = readCsv('mappings/services-mots-cles.csv').map((r) => ({
    re: new RegExp(r.motif!),
    services: checkIds(splitPipe(r.services), serviceIds, 'services-mots-cles.csv'),
  }));

  const lmnTypologies = new Map<string, string[]>();
  for (const r of readCsv('mappings/typologies-lmn.csv')) {
    lmnTypologies.set(foldWords(r.valeur!), checkIds(splitPipe(r.types), typeIds, 'typologies-lmn.csv'));
  }
  const nameRules = readCsv('mappings/types-par-nom.csv').map((r) => ({
    type: checkIds([r.type!], typeIds, 'types-par-nom.csv')[0]!,
    re: new RegExp(r.motif!, 'g'),
  }));
  const lmnLabels = new Map(readCsv('mappings/labels-lmn.csv').map((r) => [foldWords(r.valeur!), r.label!]));
  const annuaireNetworks = new Map<string, AnnuaireNetwork>();
  for (const r of readCsv('mappings/annuaire-reseaux.csv')) {
    const type = r.type ? checkIds([r.type], typeIds, 'annuaire-reseaux.csv')[0]! : null;
    annuaireNetworks.set(r.reseau!, { keep: r.garder === 'oui', type, reason: r.raison! });
  }

  return {
    services,
    types,
    sources,
    lmnServiceLabels,
    lmnCanonicalLabels,
    lmnServiceKeywords,
    lmnTypologies,
    nameRules,
    lmnLabels,
    annuaireNetworks,
  };
}
