import { useQuery } from '@tanstack/react-query';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import type { Filtres } from '../../lib/api';
import { bboxEgales, normaliserBbox, type BBox } from '../../lib/geo';
import { groupesQueryOptions } from '../../lib/queries';
import { chargerFondDeCarte, installerProtocoles } from './basemap';
import {
  COUCHE_GROUPES,
  COUCHE_POINTS,
  afficherGroupes,
  afficherSelection,
  ajouterCouchesLieux,
  type ProprietesLieu,
} from './layers';

installerProtocoles();

// Past z13 the offline basemap has nothing left to show (no streets).
const ZOOM_MAX = 13;
// Moving the map fires a burst of moveend (inertia, scroll steps): wait until it settles.
const DELAI_MOUVEMENT_MS = 300;
const DUREE_VOL_MAX_MS = 1500;
// Half the side of the square searched around a tap: fingers are not as precise as a 7 px dot.
const RAYON_TAP_PX = 22;

export interface MapViewProps {
  /** The area in view. When it changes from outside (back button, "Aller à"), the map goes there. */
  zone: BBox;
  filtres: Filtres;
  selection: { id: string; longitude: number; latitude: number } | null;
  onZoneChange: (zone: BBox) => void;
  onSelection: (id: string, nom: string | null) => void;
}

type Etat = 'chargement' | 'prete' | 'echec';

export default function MapView({ zone, filtres, selection, onZoneChange, onSelection }: MapViewProps) {
  const { t, lang } = useI18n();
  const idAide = useId();
  const conteneur = useRef<HTMLDivElement>(null);
  const carteRef = useRef<maplibregl.Map | null>(null);
  const [etat, setEtat] = useState<Etat>('chargement');
  const [vue, setVue] = useState<{ bbox: BBox; zoom: number } | null>(null);
  // The last area this map reported: a `zone` prop equal to it is an echo, not a request to move.
  const zoneEmise = useRef<BBox | null>(null);
  const rappels = useRef({ onZoneChange, onSelection });
  useEffect(() => {
    rappels.current = { onZoneChange, onSelection };
  });

  // The style downloads before the map is built: by then the wanted area may have changed.
  const zoneVoulue = useRef(zone);
  useEffect(() => {
    zoneVoulue.current = zone;
  });

  // The map is built once; the parent remounts it (key) when the language changes so that
  // MapLibre's own control labels follow.
  const libelles = useRef({ carte: t.carteLibelles, aide: idAide });
  useEffect(() => {
    const element = conteneur.current;
    if (!element) return;
    const annulation = new AbortController();
    let carte: maplibregl.Map | null = null;
    let minuterie: ReturnType<typeof setTimeout> | undefined;

    const emettre = () => {
      if (!carte) return;
      const b = carte.getBounds();
      const bbox = normaliserBbox([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
      if (!bbox) return;
      zoneEmise.current = bbox;
      setVue({ bbox, zoom: Math.round(carte.getZoom()) });
      rappels.current.onZoneChange(bbox);
    };

    chargerFondDeCarte(annulation.signal)
      .then((style) => {
        if (annulation.signal.aborted) return;
        try {
          carte = new maplibregl.Map({
            container: element,
            style,
            bounds: [...zoneVoulue.current] as [number, number, number, number],
            maxZoom: ZOOM_MAX,
            locale: libelles.current.carte,
            dragRotate: false,
            pitchWithRotate: false,
            touchPitch: false,
            // On a phone the map sits in a scrolling page: one finger must scroll the page.
            cooperativeGestures: matchMedia('(max-width: 47.99em)').matches,
          });
        } catch {
          // No WebGL (old phone, disabled GPU): the list is the whole app then.
          setEtat('echec');
          return;
        }
        carteRef.current = carte;
        carte.touchZoomRotate.disableRotation();
        carte.keyboard.disableRotation();
        carte.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
        carte.getCanvas().setAttribute('aria-describedby', libelles.current.aide);

        carte.on('load', () => {
          if (!carte) return;
          // On a narrow map MapLibre opens the credits over a third of it until the first drag;
          // they stay one tap away behind the ⓘ button.
          element.querySelector('.maplibregl-compact')?.classList.remove('maplibregl-compact-show');
          ajouterCouchesLieux(carte);
          setEtat('prete');
          emettre();
        });
        carte.on('moveend', () => {
          clearTimeout(minuterie);
          minuterie = setTimeout(emettre, DELAI_MOUVEMENT_MS);
        });
        carte.on('click', (e) => {
          if (!carte) return;
          const { x, y } = e.point;
          const touches = carte.queryRenderedFeatures(
            [
              [x - RAYON_TAP_PX, y - RAYON_TAP_PX],
              [x + RAYON_TAP_PX, y + RAYON_TAP_PX],
            ],
            { layers: [COUCHE_POINTS, COUCHE_GROUPES] },
          );
          const proche = plusProche(carte, touches, e.point);
          if (!proche) return;
          const p = proche.properties as ProprietesLieu;
          if (p.count === 1 && p.id) {
            rappels.current.onSelection(p.id, p.nom ?? null);
          } else {
            carte.easeTo({
              center: proche.coordonnees,
              zoom: Math.min(carte.getZoom() + 2, ZOOM_MAX),
              animate: !mouvementReduit(),
            });
          }
        });
        carte.on('mousemove', (e) => {
          if (!carte) return;
          const survol = carte.queryRenderedFeatures(e.point, { layers: [COUCHE_POINTS, COUCHE_GROUPES] });
          carte.getCanvas().style.cursor = survol.length ? 'pointer' : '';
        });
      })
      .catch(() => {
        if (!annulation.signal.aborted) setEtat('echec');
      });

    return () => {
      annulation.abort();
      clearTimeout(minuterie);
      carte?.remove();
      carteRef.current = null;
    };
  }, []);

  useEffect(() => {
    const carte = carteRef.current;
    if (!carte || etat !== 'prete') return;
    if (zoneEmise.current && bboxEgales(zoneEmise.current, zone)) return;
    // Until the map arrives and reports, no area is its own: a back-and-forth during the flight
    // must still move it.
    zoneEmise.current = null;
    carte.fitBounds([...zone] as [number, number, number, number], {
      animate: !mouvementReduit(),
      // A short hop is animated to keep one's bearings; a jump to an overseas territory is instant.
      maxDuration: DUREE_VOL_MAX_MS,
    });
  }, [zone, etat]);

  const groupes = useQuery({
    ...groupesQueryOptions(vue?.bbox ?? zone, vue?.zoom ?? 5, filtres, lang),
    enabled: vue !== null,
  });

  useEffect(() => {
    const carte = carteRef.current;
    if (carte && etat === 'prete' && groupes.data) afficherGroupes(carte, groupes.data, lang);
  }, [groupes.data, etat, lang]);

  useEffect(() => {
    const carte = carteRef.current;
    if (carte && etat === 'prete') afficherSelection(carte, selection);
  }, [selection, etat]);

  return (
    <>
      <p id={idAide} className="sr-only">
        {t.carteAide}
      </p>
      {etat === 'echec' ? (
        <p className="carte-message">{t.carteIndisponible}</p>
      ) : (
        <div ref={conteneur} className="carte" />
      )}
      {etat === 'chargement' && <p className="carte-message carte-message-dessus">{t.carteChargement}</p>}
      {groupes.isError && (
        <p className="carte-message carte-message-bas" role="status">
          {t.carteErreurLieux}
        </p>
      )}
    </>
  );
}

function mouvementReduit(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function plusProche(carte: maplibregl.Map, touches: maplibregl.MapGeoJSONFeature[], clic: maplibregl.Point) {
  let meilleur: { properties: unknown; coordonnees: [number, number] } | null = null;
  let distanceMin = Infinity;
  for (const f of touches) {
    if (f.geometry.type !== 'Point') continue;
    const coordonnees = f.geometry.coordinates as [number, number];
    const distance = carte.project(coordonnees).dist(clic);
    if (distance < distanceMin) {
      distanceMin = distance;
      meilleur = { properties: f.properties, coordonnees };
    }
  }
  return meilleur;
}
