import { useQuery } from '@tanstack/react-query';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import type { Filters } from '../../lib/api';
import { bboxEqual, normalizeBbox, type BBox } from '../../lib/geo';
import { clustersQueryOptions } from '../../lib/queries';
import { installProtocols, loadBasemapStyle } from './basemap';
import {
  CLUSTERS_LAYER,
  POINTS_LAYER,
  addPlaceLayers,
  showClusters,
  showSelection,
  type PlaceFeatureProperties,
} from './layers';

installProtocols();

// Past z13 the offline basemap has nothing left to show (no streets).
const MAX_ZOOM = 13;
// Moving the map fires a burst of moveend (inertia, scroll steps): wait until it settles.
const MOVE_SETTLE_MS = 300;
const MAX_FLIGHT_MS = 1500;
// Half the side of the square searched around a tap: fingers are not as precise as a 7 px dot.
const TAP_RADIUS_PX = 22;

export interface MapViewProps {
  /** The area in view. When it changes from outside (back button, "Aller à"), the map goes there. */
  zone: BBox;
  filters: Filters;
  selection: { id: string; longitude: number; latitude: number } | null;
  onZoneChange: (zone: BBox) => void;
  onSelect: (id: string, nom: string | null) => void;
}

type MapStatus = 'loading' | 'ready' | 'failed';

export default function MapView({ zone, filters, selection, onZoneChange, onSelect }: MapViewProps) {
  const { t, lang } = useI18n();
  const helpId = useId();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [status, setStatus] = useState<MapStatus>('loading');
  const [view, setView] = useState<{ bbox: BBox; zoom: number } | null>(null);
  // The last area this map reported: a `zone` prop equal to it is an echo, not a request to move.
  const emittedZone = useRef<BBox | null>(null);
  const callbacks = useRef({ onZoneChange, onSelect });
  useEffect(() => {
    callbacks.current = { onZoneChange, onSelect };
  });

  // The style downloads before the map is built: by then the wanted area may have changed.
  const wantedZone = useRef(zone);
  useEffect(() => {
    wantedZone.current = zone;
  });

  // The map is built once; the parent remounts it (key) when the language changes so that
  // MapLibre's own control labels follow.
  const initial = useRef({ locale: t.mapLabels, helpId });
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const abort = new AbortController();
    let map: maplibregl.Map | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const emitView = () => {
      // MapLibre may still fire 'load' or 'moveend' from a frame drawn while the page was left.
      if (!map || abort.signal.aborted) return;
      const b = map.getBounds();
      const bbox = normalizeBbox([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
      if (!bbox) return;
      emittedZone.current = bbox;
      setView({ bbox, zoom: Math.round(map.getZoom()) });
      callbacks.current.onZoneChange(bbox);
    };

    loadBasemapStyle(abort.signal)
      .then((style) => {
        if (abort.signal.aborted) return;
        try {
          map = new maplibregl.Map({
            container: element,
            style,
            bounds: [...wantedZone.current] as [number, number, number, number],
            maxZoom: MAX_ZOOM,
            locale: initial.current.locale,
            dragRotate: false,
            pitchWithRotate: false,
            touchPitch: false,
            // On a phone the map sits in a scrolling page: one finger must scroll the page.
            cooperativeGestures: matchMedia('(max-width: 47.99em)').matches,
          });
        } catch {
          // No WebGL (old phone, disabled GPU): the list is the whole app then.
          setStatus('failed');
          return;
        }
        mapRef.current = map;
        map.touchZoomRotate.disableRotation();
        map.keyboard.disableRotation();
        map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
        map.getCanvas().setAttribute('aria-describedby', initial.current.helpId);

        map.on('load', () => {
          if (!map) return;
          // On a narrow map MapLibre opens the credits over a third of it until the first drag;
          // they stay one tap away behind the ⓘ button.
          element.querySelector('.maplibregl-compact')?.classList.remove('maplibregl-compact-show');
          addPlaceLayers(map);
          setStatus('ready');
          emitView();
        });
        map.on('moveend', () => {
          clearTimeout(timer);
          timer = setTimeout(emitView, MOVE_SETTLE_MS);
        });
        map.on('click', (e) => {
          if (!map) return;
          const { x, y } = e.point;
          const hits = map.queryRenderedFeatures(
            [
              [x - TAP_RADIUS_PX, y - TAP_RADIUS_PX],
              [x + TAP_RADIUS_PX, y + TAP_RADIUS_PX],
            ],
            { layers: [POINTS_LAYER, CLUSTERS_LAYER] },
          );
          const nearest = nearestPoint(map, hits, e.point);
          if (!nearest) return;
          const p = nearest.properties as PlaceFeatureProperties;
          if (p.count === 1 && p.id) {
            callbacks.current.onSelect(p.id, p.nom ?? null);
          } else {
            map.easeTo({
              center: nearest.coordinates,
              zoom: Math.min(map.getZoom() + 2, MAX_ZOOM),
              animate: !prefersReducedMotion(),
            });
          }
        });
        map.on('mousemove', (e) => {
          if (!map) return;
          const hovered = map.queryRenderedFeatures(e.point, { layers: [POINTS_LAYER, CLUSTERS_LAYER] });
          map.getCanvas().style.cursor = hovered.length ? 'pointer' : '';
        });
      })
      .catch(() => {
        if (!abort.signal.aborted) setStatus('failed');
      });

    return () => {
      abort.abort();
      clearTimeout(timer);
      map?.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || status !== 'ready') return;
    if (emittedZone.current && bboxEqual(emittedZone.current, zone)) return;
    // Until the map arrives and reports, no area is its own: a back-and-forth during the flight
    // must still move it.
    emittedZone.current = null;
    map.fitBounds([...zone] as [number, number, number, number], {
      animate: !prefersReducedMotion(),
      // A short hop is animated to keep one's bearings; a jump to an overseas territory is instant.
      maxDuration: MAX_FLIGHT_MS,
    });
  }, [zone, status]);

  const clusters = useQuery({
    ...clustersQueryOptions(view?.bbox ?? zone, view?.zoom ?? 5, filters, lang),
    enabled: view !== null,
  });

  useEffect(() => {
    const map = mapRef.current;
    if (map && status === 'ready' && clusters.data) showClusters(map, clusters.data, lang);
  }, [clusters.data, status, lang]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && status === 'ready') showSelection(map, selection);
  }, [selection, status]);

  return (
    <>
      <p id={helpId} className="sr-only">
        {t.mapHelp}
      </p>
      {status === 'failed' ? (
        <p className="map-message">{t.mapUnavailable}</p>
      ) : (
        <div ref={container} className="map" />
      )}
      {status === 'loading' && <p className="map-message map-message-overlay">{t.mapLoading}</p>}
      {clusters.isError && (
        <p className="map-message map-message-bottom" role="status">
          {t.mapPlacesError}
        </p>
      )}
    </>
  );
}

function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function nearestPoint(map: maplibregl.Map, hits: maplibregl.MapGeoJSONFeature[], click: maplibregl.Point) {
  let best: { properties: unknown; coordinates: [number, number] } | null = null;
  let minDistance = Infinity;
  for (const f of hits) {
    if (f.geometry.type !== 'Point') continue;
    const coordinates = f.geometry.coordinates as [number, number];
    const distance = map.project(coordinates).dist(click);
    if (distance < minDistance) {
      minDistance = distance;
      best = { properties: f.properties, coordinates };
    }
  }
  return best;
}
