import { Communes } from '@reperes/data/communes.ts';
import type { ImportContext } from '@reperes/data/sources/context.ts';
import { loadVocabulary } from '@reperes/data/vocabulary.ts';

let context: ImportContext | undefined;

/**
 * The foundation import's vocabularies and communes (data/mappings, data/sources/communes): a file
 * is read with the same crosswalks as the national data. Loading them takes a second and a half,
 * so it is done once per process, on the first import.
 */
export function importContext(): ImportContext {
  context ??= { vocab: loadVocabulary(), communes: Communes.load() };
  return context;
}
