import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../../i18n/lang';
import type { ClusterResponse } from '../../lib/api';
import { formatNumber } from '../../lib/format';

const BLUE = '#000091';
const RED = '#c9191e';

const PLACES_SOURCE = 'places';
const SELECTION_SOURCE = 'selected-place';
export const CLUSTERS_LAYER = 'place-clusters';
export const POINTS_LAYER = 'place-points';
const COUNTS_LAYER = 'place-cluster-counts';
const SELECTION_LAYER = 'selected-place';

// Type aliases, not interfaces: GeoJSON properties must be assignable to an index signature.
export type PlaceFeatureProperties = {
  count: number;
  label: string;
  id?: string;
  nom?: string;
};

type Collection<P> = {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: P }[];
};

const EMPTY: Collection<never> = { type: 'FeatureCollection', features: [] };

export function addPlaceLayers(map: MapLibreMap): void {
  map.addSource(PLACES_SOURCE, { type: 'geojson', data: EMPTY });
  map.addSource(SELECTION_SOURCE, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: CLUSTERS_LAYER,
    type: 'circle',
    source: PLACES_SOURCE,
    filter: ['>', ['get', 'count'], 1],
    paint: {
      'circle-color': BLUE,
      'circle-radius': ['step', ['get', 'count'], 14, 10, 17, 100, 21, 1000, 26],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: COUNTS_LAYER,
    type: 'symbol',
    source: PLACES_SOURCE,
    filter: ['>', ['get', 'count'], 1],
    layout: {
      'text-field': ['get', 'label'],
      // Only the Noto Sans stacks exist offline (public/basemap/fonts).
      'text-font': ['Noto Sans Medium'],
      'text-size': 12,
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': '#ffffff' },
  });
  map.addLayer({
    id: POINTS_LAYER,
    type: 'circle',
    source: PLACES_SOURCE,
    filter: ['==', ['get', 'count'], 1],
    paint: {
      'circle-color': BLUE,
      'circle-radius': 7,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: SELECTION_LAYER,
    type: 'circle',
    source: SELECTION_SOURCE,
    paint: {
      'circle-color': RED,
      'circle-radius': 10,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 3,
    },
  });
}

export function showClusters(map: MapLibreMap, response: ClusterResponse, lang: Lang): void {
  const data: Collection<PlaceFeatureProperties> = {
    type: 'FeatureCollection',
    features: response.clusters.map((c) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [c.longitude, c.latitude] },
      properties: { count: c.count, label: formatNumber(c.count, lang), id: c.id, nom: c.nom },
    })),
  };
  map.getSource<GeoJSONSource>(PLACES_SOURCE)?.setData(data);
}

export function showSelection(map: MapLibreMap, point: { longitude: number; latitude: number } | null): void {
  const data: Collection<Record<string, never>> = point
    ? {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [point.longitude, point.latitude] }, properties: {} },
        ],
      }
    : EMPTY;
  map.getSource<GeoJSONSource>(SELECTION_SOURCE)?.setData(data);
}
