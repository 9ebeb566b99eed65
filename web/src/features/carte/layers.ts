import type { GeoJSONSource, Map as Carte } from 'maplibre-gl';
import type { Lang } from '../../i18n/lang';
import type { ReponseGroupes } from '../../lib/api';
import { nombre } from '../../lib/format';

const BLEU = '#000091';
const ROUGE = '#c9191e';

const SOURCE_LIEUX = 'lieux';
const SOURCE_SELECTION = 'lieu-selectionne';
export const COUCHE_GROUPES = 'lieux-groupes';
export const COUCHE_POINTS = 'lieux-points';
const COUCHE_NOMBRES = 'lieux-groupes-nombre';
const COUCHE_SELECTION = 'lieu-selectionne';

// Type aliases, not interfaces: GeoJSON properties must be assignable to an index signature.
export type ProprietesLieu = {
  count: number;
  label: string;
  id?: string;
  nom?: string;
};

type Collection<P> = {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: P }[];
};

const VIDE: Collection<never> = { type: 'FeatureCollection', features: [] };

export function ajouterCouchesLieux(carte: Carte): void {
  carte.addSource(SOURCE_LIEUX, { type: 'geojson', data: VIDE });
  carte.addSource(SOURCE_SELECTION, { type: 'geojson', data: VIDE });
  carte.addLayer({
    id: COUCHE_GROUPES,
    type: 'circle',
    source: SOURCE_LIEUX,
    filter: ['>', ['get', 'count'], 1],
    paint: {
      'circle-color': BLEU,
      'circle-radius': ['step', ['get', 'count'], 14, 10, 17, 100, 21, 1000, 26],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  carte.addLayer({
    id: COUCHE_NOMBRES,
    type: 'symbol',
    source: SOURCE_LIEUX,
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
  carte.addLayer({
    id: COUCHE_POINTS,
    type: 'circle',
    source: SOURCE_LIEUX,
    filter: ['==', ['get', 'count'], 1],
    paint: {
      'circle-color': BLEU,
      'circle-radius': 7,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  carte.addLayer({
    id: COUCHE_SELECTION,
    type: 'circle',
    source: SOURCE_SELECTION,
    paint: {
      'circle-color': ROUGE,
      'circle-radius': 10,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 3,
    },
  });
}

export function afficherGroupes(carte: Carte, reponse: ReponseGroupes, lang: Lang): void {
  const data: Collection<ProprietesLieu> = {
    type: 'FeatureCollection',
    features: reponse.clusters.map((g) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [g.longitude, g.latitude] },
      properties: { count: g.count, label: nombre(g.count, lang), id: g.id, nom: g.nom },
    })),
  };
  carte.getSource<GeoJSONSource>(SOURCE_LIEUX)?.setData(data);
}

export function afficherSelection(carte: Carte, point: { longitude: number; latitude: number } | null): void {
  const data: Collection<Record<string, never>> = point
    ? {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [point.longitude, point.latitude] }, properties: {} },
        ],
      }
    : VIDE;
  carte.getSource<GeoJSONSource>(SOURCE_SELECTION)?.setData(data);
}
