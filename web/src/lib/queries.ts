import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Lang } from '../i18n/lang';
import {
  ApiError,
  fetchClusters,
  fetchCommunes,
  fetchPlace,
  fetchPlaces,
  fetchPlacesByName,
  fetchPlacesNear,
  fetchTerritories,
  fetchVocabulary,
  communesUrl,
  FIRST_PAGE_SIZE,
  placesByNameUrl,
  placesUrl,
  type Commune,
  type PlacePage,
  type Filters,
  type OpenFilter,
} from './api';
import { earlyAnswer } from './early-requests';
import { bboxToString, type BBox } from './geo';

// Whoever asks for more than the first page gets bigger pages, so that browsing takes fewer round trips.
const NEXT_PAGES = 50;
const pageSize = (offset: number) => (offset === 0 ? FIRST_PAGE_SIZE : NEXT_PAGES);

// A 4xx will not get better by asking again; a flaky mobile connection might.
const retry = (failureCount: number, error: Error) =>
  failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

// Keys hold plain strings so that equal views share a cache entry whatever array built them.
const filtersKey = (f: Filters) => ({ services: f.services.join(','), types: f.types.join(','), labels: f.labels.join(',') });

/** The list covers the map's view, or everything around a point nearest first ("Autour de moi"). */
export type ListArea = { bbox: BBox } | { near: readonly [number, number] };

export const placesQueryOptions = (area: ListArea, filters: Filters, ouvert: OpenFilter | null, lang: Lang) =>
  infiniteQueryOptions({
    queryKey: [
      'lieux',
      {
        ...('bbox' in area ? { bbox: bboxToString(area.bbox) } : { near: area.near.join(',') }),
        ...filtersKey(filters),
        ouvert,
        lang,
      },
    ],
    queryFn: ({ pageParam, signal }) =>
      'bbox' in area
        ? fetchPlaces({ bbox: area.bbox, filters, ouvert, lang, limit: pageSize(pageParam), offset: pageParam }, signal)
        : fetchPlacesNear({ near: area.near, filters, ouvert, lang, limit: pageSize(pageParam), offset: pageParam }, signal),
    initialPageParam: 0,
    // What the page's first script already has (early-requests.ts) is drawn at once.
    initialData: () => {
      if (!('bbox' in area)) return undefined;
      const page = earlyAnswer<PlacePage>(placesUrl({ bbox: area.bbox, filters, ouvert, lang, limit: FIRST_PAGE_SIZE, offset: 0 }));
      return page && { pages: [page], pageParams: [0] };
    },
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

export const communesQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['communes', q],
    queryFn: ({ signal }) => fetchCommunes(q, signal),
    initialData: () => earlyAnswer<{ items: Commune[] }>(communesUrl(q)),
    staleTime: Infinity,
    retry,
  });

export const placesByNameQueryOptions = (q: string, lang: Lang) =>
  queryOptions({
    queryKey: ['lieux-par-nom', q, lang],
    queryFn: ({ signal }) => fetchPlacesByName(q, lang, signal),
    initialData: () => earlyAnswer<PlacePage>(placesByNameUrl(q, lang)),
    staleTime: 60_000,
    retry,
  });
