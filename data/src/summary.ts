import type { Lieu } from './lieux.ts';
import type { CoordNote, Precision, SourcePlace, SourceResult } from './source-place.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface SourceSummary {
  source: string;
  nom: string;
  read: number;
  kept: number; // rows that head a place of their own
  merged: number; // rows merged into a place headed by another row
  rejected: Record<string, number>; // reason → rows
  emailsDropped: number;
  hours: { parsed: number; unparsed: number }; // rows with hours, parsed into OSM syntax or not
  coordinates: Partial<Record<CoordNote, number>>; // rows whose point was corrected or replaced
}

export interface ImportSummary {
  sources: SourceSummary[];
  lieux: number;
  precision: Record<Precision, number>;
  hours: { parsed: number; unparsed: number }; // places with hours
  emailsDropped: number;
  /** "merged row's source → place's source": rows merged, per pair of sources (LMN datasets as one). */
  merges: Record<string, number>;
  unconfirmedFranceServices: number;
  duplicateHints: { total: number; merged: number }; // LMN possible_duplicate_of pairs found in one place
  unmappedServiceLabels: number;
  types: Record<string, number>;
  elapsedMs: number;
}

const group = (source: string) => (source.startsWith('lmn-') ? 'lmn' : source);

export function summarise(
  vocab: Vocabulary,
  results: SourceResult[],
  clusters: SourcePlace[][],
  lieux: Lieu[],
  extraRejects: SourceResult['rejects'],
  unmappedServiceLabels: number,
): ImportSummary {
  const bySource = new Map<string, SourceSummary>();
  const entry = (source: string): SourceSummary => {
    let s = bySource.get(source);
    if (!s) {
      const nom = vocab.sources.get(source)?.nom ?? source;
      s = { source, nom, read: 0, kept: 0, merged: 0, rejected: {}, emailsDropped: 0, hours: { parsed: 0, unparsed: 0 }, coordinates: {} };
      bySource.set(source, s);
    }
    return s;
  };
  for (const def of vocab.sources.values()) entry(def.id);
  for (const r of results) for (const [source, n] of r.read) entry(source).read += n;
  for (const rej of [...results.flatMap((r) => r.rejects), ...extraRejects]) {
    const s = entry(rej.source);
    s.rejected[rej.reason] = (s.rejected[rej.reason] ?? 0) + 1;
  }

  const merges: Record<string, number> = {};
  const lieuOfPlace = new Map<SourcePlace, Lieu>();
  clusters.forEach((members, i) => {
    const lieu = lieux[i]!;
    const headSource = lieu.sources[0]!.source;
    for (const m of members) {
      lieuOfPlace.set(m, lieu);
      const s = entry(m.source);
      if (m.lieuId === lieu.id) s.kept++;
      else {
        s.merged++;
        const key = `${group(m.source)} → ${group(headSource)}`;
        merges[key] = (merges[key] ?? 0) + 1;
      }
      s.emailsDropped += m.emailsDropped;
      if (m.horairesTexte !== null) s.hours[m.horairesOsm !== null ? 'parsed' : 'unparsed']++;
      if (m.coordNote) s.coordinates[m.coordNote] = (s.coordinates[m.coordNote] ?? 0) + 1;
    }
  });

  const lieuOfRow = new Map([...lieuOfPlace].map(([m, lieu]) => [m.lieuId, lieu]));
  const hinted = [...lieuOfPlace].filter(([m]) => m.duplicateHint !== null && lieuOfRow.has(m.duplicateHint));
  const hintMerged = hinted.filter(([m, lieu]) => lieuOfRow.get(m.duplicateHint!) === lieu);
  const types: Record<string, number> = {};
  for (const l of lieux) for (const t of l.types) types[t] = (types[t] ?? 0) + 1;

  const sources = [...bySource.values()].filter((s) => s.read > 0);
  return {
    sources,
    lieux: lieux.length,
    precision: {
      adresse: lieux.filter((l) => l.precision === 'adresse').length,
      commune: lieux.filter((l) => l.precision === 'commune').length,
    },
    hours: {
      parsed: lieux.filter((l) => l.horairesOsm !== null).length,
      unparsed: lieux.filter((l) => l.horairesTexte !== null && l.horairesOsm === null).length,
    },
    emailsDropped: sources.reduce((n, s) => n + s.emailsDropped, 0),
    merges: Object.fromEntries(Object.entries(merges).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    unconfirmedFranceServices: lieux.filter((l) => l.unconfirmedFranceServices).length,
    duplicateHints: { total: hinted.length, merged: hintMerged.length },
    unmappedServiceLabels,
    types: Object.fromEntries(Object.entries(types).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    elapsedMs: 0,
  };
}

const pad = (v: string | number, n: number) => String(v).padStart(n);

export function formatSummary(s: ImportSummary): string {
  const lines: string[] = [];
  lines.push('source                                        lues  gardées fusionnées rejetées  horaires ok/non  courriels retirés');
  for (const src of s.sources) {
    const rejected = Object.values(src.rejected).reduce((a, b) => a + b, 0);
    lines.push(
      `${src.source.padEnd(44)}${pad(src.read, 6)}${pad(src.kept, 9)}${pad(src.merged, 11)}${pad(rejected, 9)}` +
        `${pad(`${src.hours.parsed}/${src.hours.unparsed}`, 17)}${pad(src.emailsDropped, 19)}`,
    );
    for (const [reason, n] of Object.entries(src.rejected)) lines.push(`    rejet : ${reason} — ${n}`);
    for (const [note, n] of Object.entries(src.coordinates)) lines.push(`    position : ${note} — ${n}`);
  }
  lines.push('');
  lines.push(`Lieux : ${s.lieux} (adresse ${s.precision.adresse}, centre de commune ${s.precision.commune})`);
  lines.push(`Horaires : ${s.hours.parsed} lieux en syntaxe OSM, ${s.hours.unparsed} en texte seulement`);
  lines.push(`Courriels personnels retirés : ${s.emailsDropped}`);
  lines.push(`Fusions (ligne → lieu) : ${Object.entries(s.merges).map(([k, n]) => `${k} ${n}`).join(' ; ')}`);
  lines.push(`Doublons signalés par les sources LMN retrouvés dans un même lieu : ${s.duplicateHints.merged}/${s.duplicateHints.total}`);
  lines.push(`« France Services » non confirmés par la liste 2024 : ${s.unconfirmedFranceServices}`);
  lines.push(`Libellés de services LMN non reconnus : ${s.unmappedServiceLabels}`);
  lines.push(`Types : ${Object.entries(s.types).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  lines.push(`Durée : ${(s.elapsedMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}
