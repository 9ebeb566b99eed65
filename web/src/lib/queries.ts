import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Lang } from '../i18n/lang';
import {
  ApiError,
  fetchClusters,
  fetchPlace,
  fetchPlaces,
  fetchTerritories,
  fetchVocabulary,
  type Filters,
} from './api';
import { bboxToString, type BBox } from './geo';

const PAGE_SIZE = 50;

// A 4xx will not get better by asking again; a flaky mobile connection might.
const retry = (failureCount: number, error: Error) =>
  failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

// Keys hold plain strings so that equal views share a cache entry whatever array built them.
const filtersKey = (f: Filters) => ({ services: f.services.join(','), types: f.types.join(',') });

export const placesQueryOptions = (bbox: BBox, filters: Filters, lang: Lang) =>
  infiniteQueryOptions({
    queryKey: ['lieux', { bbox: bboxToString(bbox), ...filtersKey(filters), lang, limit: PAGE_SIZE }],
    queryFn: ({ pageParam, signal }) =>
      fetchPlaces({ bbox, filters, lang, limit: PAGE_SIZE, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (page) => {
      const next = page.offset + page.items.length;
      return next < page.total && page.items.length > 0 ? next : undefined;
    },
    // While the map moves, the previous list stays on screen instead of flashing empty.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry,
  });

export const clustersQueryOptions = (bbox: BBox, zoom: number, filters: Filters, lang: Lang) =>
  queryOptions({
    queryKey: ['clusters', { bbox: bboxToString(bbox), zoom, ...filtersKey(filters), lang }],
    queryFn: ({ signal }) => fetchClusters({ bbox, zoom, filters, lang }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry,
  });

export const vocabularyQueryOptions = (bbox: BBox, filters: Filters, lang: Lang) =>
  queryOptions({
    queryKey: ['services', { bbox: bboxToString(bbox), ...filtersKey(filters), lang }],
    queryFn: ({ signal }) => fetchVocabulary(bbox, filters, lang, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry,
  });

export const placeQueryOptions = (id: string, lang: Lang) =>
  queryOptions({
    queryKey: ['lieu', id, lang],
    queryFn: ({ signal }) => fetchPlace(id, lang, signal),
    staleTime: 5 * 60_000,
    retry,
  });

export const territoriesQueryOptions = () =>
  queryOptions({
    queryKey: ['territories'],
    queryFn: ({ signal }) => fetchTerritories(signal),
    staleTime: Infinity,
    retry,
  });
