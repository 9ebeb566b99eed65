import { buildCommunesTable, type CommuneRow } from './communes-table.ts';
import { Communes } from './communes.ts';
import { buildLieu, type Lieu } from './lieux.ts';
import { mergePlaces } from './merge.ts';
import { readAnnuaire } from './sources/annuaire.ts';
import { readBibliotheques } from './sources/bibliotheques.ts';
import type { ImportContext } from './sources/context.ts';
import { readFranceServices } from './sources/france-services.ts';
import { readFranceTravail } from './sources/france-travail.ts';
import { readMediationNumerique } from './sources/mediation-numerique.ts';
import { readPimms } from './sources/pimms.ts';
import { summarise, type ImportSummary } from './summary.ts';
import { loadVocabulary, type ServiceDef, type SourceDef, type TypeDef } from './vocabulary.ts';

/** What the shipped data amounts to, ready to be written by the API in one transaction. */
export interface ImportTables {
  services: ServiceDef[];
  types: TypeDef[];
  sources: SourceDef[];
  lieux: Lieu[]; // in the order their `num` is given
  meta: Record<string, string>;
  /** The communes searched by name or postcode; when absent, the communes table is left as it is. */
  communes?: CommuneRow[];
}

/** meta keys the shipped-data import owns; other keys (if any) belong to someone else and are left alone. */
export const META_KEYS = ['lieux_count', 'import_summary'] as const;

/** Everything the import writes, computed from data/ alone, before the database is touched. */
export function buildTables(): { tables: ImportTables; summary: ImportSummary } {
  const vocab = loadVocabulary();
  const ctx: ImportContext = { vocab, communes: Communes.load() };
  const lmn = readMediationNumerique(ctx);
  const results = [readFranceServices(ctx), readFranceTravail(ctx), readBibliotheques(ctx), readAnnuaire(ctx), lmn, readPimms(ctx)];
  const merged = mergePlaces(results.flatMap((r) => r.places), vocab.nameRules);
  const lieux: Lieu[] = merged.clusters.map((members) => buildLieu(members, vocab));
  const summary = summarise(vocab, results, merged.clusters, lieux, merged.rejects, lmn.unmappedServiceLabels.size);

  const ids = new Set<string>();
  for (const l of lieux) {
    if (ids.has(l.id)) throw new Error(`Identifiant de lieu en double : ${l.id}`);
    ids.add(l.id);
  }
  const usedSources = new Set(lieux.flatMap((l) => l.sources.map((s) => s.source)));
  const usedTypes = new Set(lieux.flatMap((l) => l.types));
  const { elapsedMs: _clock, ...stableSummary } = summary;
  const tables: ImportTables = {
    services: vocab.services,
    types: vocab.types.filter((t) => usedTypes.has(t.id)),
    sources: [...vocab.sources.values()].filter((s) => usedSources.has(s.id)),
    lieux: [...lieux].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    meta: { [META_KEYS[0]]: String(lieux.length), [META_KEYS[1]]: JSON.stringify(stableSummary) },
    communes: buildCommunesTable().rows,
  };
  return { tables, summary };
}
