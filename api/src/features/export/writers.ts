import { stringify } from 'csv-stringify/sync';
import { placeToDiServices, placeToDiStructure, type DiServiceDef } from '@reperes/data/formats/data-inclusion.ts';
import type { ExportPlace } from '@reperes/data/formats/export-place.ts';
import { lmnSchema, placeToLmnRecord } from '@reperes/data/formats/lmn.ts';
import type { ExportVocabulary, SourceRow } from './export.queries.ts';
import type { ExportFormat } from '../../contract/params.ts';
import { inertCell } from '@reperes/data/formats/csv-cells.ts';


export const CONTENT_TYPES: Record<ExportFormat, string> = {
  'lmn-csv': 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  'data-inclusion': 'application/json; charset=utf-8',
};

export const FILE_NAMES: Record<ExportFormat, string> = {
  'lmn-csv': 'reperes-lieux-mediation-numerique.csv',
  geojson: 'reperes-lieux.geojson',
  'data-inclusion': 'reperes-data-inclusion.json',
};

/** The compilation's licence; each place keeps its sources' licences, listed with the export. */
export const LICENCE = 'Licence Ouverte / Open Licence 2.0 (Etalab)';
export const LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

export interface ExportMeta {
  licence: string;
  licence_url: string;
  date: string; // when the file was produced, ISO 8601
  producteur: string;
  sources: SourceRow[];
}

export const exportMeta = (sources: SourceRow[], now = new Date()): ExportMeta => ({
  licence: LICENCE,
  licence_url: LICENCE_URL,
  date: now.toISOString(),
  producteur: 'Repères',
  sources,
});

type Pages = () => Iterable<ExportPlace[]>;

function* lmnCsv(pages: Pages): Generator<string> {
  yield stringify([lmnSchema.columns]);
  for (const page of pages()) {
    yield stringify(page.map((p) => {
      const record = placeToLmnRecord(p);
      return lmnSchema.columns.map((c) => inertCell(record[c] ?? ''));
    }));
  }
}

function feature(p: ExportPlace): string {
  const { latitude, longitude, numeriqueLabels: _labels, typeCodes: _codes, ...properties } = p;
  return JSON.stringify({ type: 'Feature', id: p.id, geometry: { type: 'Point', coordinates: [longitude, latitude] }, properties });
}

function* geojson(pages: Pages, meta: ExportMeta): Generator<string> {
  yield `{"type":"FeatureCollection","metadata":${JSON.stringify(meta)},"features":[`;
  let first = true;
  for (const page of pages()) {
    yield (first ? '' : ',') + page.map(feature).join(',');
    first = false;
  }
  yield ']}\n';
}

function* dataInclusion(pages: Pages, meta: ExportMeta, vocab: ExportVocabulary): Generator<string> {
  const defs = new Map<string, DiServiceDef>(vocab.services.map((s) => [s.id, s]));
  yield `{"metadata":${JSON.stringify(meta)},"structures":[`;
  let first = true;
  for (const page of pages()) {
    yield (first ? '' : ',') + page.map((p) => JSON.stringify(placeToDiStructure(p))).join(',');
    first = false;
  }
  yield '],"services":[';
  first = true;
  for (const page of pages()) {
    const services = page.flatMap((p) => placeToDiServices(p, defs));
    if (services.length === 0) continue;
    yield (first ? '' : ',') + services.map((s) => JSON.stringify(s)).join(',');
    first = false;
  }
  yield ']}\n';
}

/** The export as a sequence of text chunks, a page of places at a time. */
export function exportChunks(format: ExportFormat, pages: Pages, meta: ExportMeta, vocab: ExportVocabulary): Iterable<string> {
  if (format === 'lmn-csv') return lmnCsv(pages);
  if (format === 'geojson') return geojson(pages, meta);
  return dataInclusion(pages, meta, vocab);
}
