import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Lang } from '../i18n/lang';
import {
  ApiError,
  lireGroupes,
  lireLieu,
  lireLieux,
  lireTerritoires,
  lireVocabulaire,
  type Filtres,
} from './api';
import { bboxVersTexte, type BBox } from './geo';

const TAILLE_PAGE = 50;

// A 4xx will not get better by asking again; a flaky mobile connection might.
const retry = (echecs: number, erreur: Error) =>
  echecs < 1 && !(erreur instanceof ApiError && erreur.status >= 400 && erreur.status < 500);

// Keys hold plain strings so that equal views share a cache entry whatever array built them.
const cleFiltres = (f: Filtres) => ({ services: f.services.join(','), types: f.types.join(',') });

export const lieuxQueryOptions = (bbox: BBox, filtres: Filtres, lang: Lang) =>
  infiniteQueryOptions({
    queryKey: ['lieux', { bbox: bboxVersTexte(bbox), ...cleFiltres(filtres), lang, limit: TAILLE_PAGE }],
    queryFn: ({ pageParam, signal }) =>
      lireLieux({ bbox, filtres, lang, limit: TAILLE_PAGE, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (page) => {
      const suite = page.offset + page.items.length;
      return suite < page.total && page.items.length > 0 ? suite : undefined;
    },
    // While the map moves, the previous list stays on screen instead of flashing empty.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry,
  });

export const groupesQueryOptions = (bbox: BBox, zoom: number, filtres: Filtres, lang: Lang) =>
  queryOptions({
    queryKey: ['clusters', { bbox: bboxVersTexte(bbox), zoom, ...cleFiltres(filtres), lang }],
    queryFn: ({ signal }) => lireGroupes({ bbox, zoom, filtres, lang }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry,
  });

export const vocabulaireQueryOptions = (bbox: BBox, filtres: Filtres, lang: Lang) =>
  queryOptions({
    queryKey: ['services', { bbox: bboxVersTexte(bbox), ...cleFiltres(filtres), lang }],
    queryFn: ({ signal }) => lireVocabulaire(bbox, filtres, lang, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry,
  });

export const lieuQueryOptions = (id: string, lang: Lang) =>
  queryOptions({
    queryKey: ['lieu', id, lang],
    queryFn: ({ signal }) => lireLieu(id, lang, signal),
    staleTime: 5 * 60_000,
    retry,
  });

export const territoiresQueryOptions = () =>
  queryOptions({
    queryKey: ['territoires'],
    queryFn: ({ signal }) => lireTerritoires(signal),
    staleTime: Infinity,
    retry,
  });
