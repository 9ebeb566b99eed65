import * as maplibregl from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { installProtocols, loadBasemapStyle } from '../map/basemap';

installProtocols();

// The offline basemap has nothing more to show past z13; a town-level view locates the place.
const ZOOM_ADDRESS = 11;
const ZOOM_COMMUNE = 10;
const MARKER_SOURCE = 'sheet-place';

// Software WebGL on a cheap computer: one map at a time, so that six maps do not fight for it.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

/** Draws the place on the offline basemap once, then keeps it as an image that prints reliably. */
function renderSnapshot(element: HTMLElement, place: Props, signal: AbortSignal): Promise<{ src: string; attribution: string }> {
  return oneAtATime(async () => {
    signal.throwIfAborted();
    const style = await loadBasemapStyle(signal);
    const attribution = Object.values(style.sources)
      .map((s) => ('attribution' in s ? s.attribution : undefined))
      .filter(Boolean)
      .join(' · ');
    const map = new maplibregl.Map({
      container: element,
      style,
      center: [place.longitude, place.latitude],
      zoom: place.approximate ? ZOOM_COMMUNE : ZOOM_ADDRESS,
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        map.once('error', (e) => reject(e.error));
        map.once('load', () => {
          map.addSource(MARKER_SOURCE, {
            type: 'geojson',
            data: { type: 'Point', coordinates: [place.longitude, place.latitude] },
          });
          // Black on white: the sheet is often printed in black and white.
          map.addLayer({
            id: MARKER_SOURCE,
            type: 'circle',
            source: MARKER_SOURCE,
            paint: { 'circle-radius': 9, 'circle-color': '#000', 'circle-stroke-color': '#fff', 'circle-stroke-width': 3 },
          });
          map.once('idle', () => resolve());
        });
      });
      return { src: map.getCanvas().toDataURL('image/png'), attribution };
    } finally {
      map.remove();
    }
  });
}

interface Props {
  longitude: number;
  latitude: number;
  approximate: boolean;
  alt: string;
}

export default function LocatorMap(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [snapshot, setSnapshot] = useState<{ src: string; attribution: string } | null>(null);
  const [failed, setFailed] = useState(false);
  const { longitude, latitude, approximate, alt } = props;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const abort = new AbortController();
    renderSnapshot(element, { longitude, latitude, approximate, alt }, abort.signal).then(
      (s) => setSnapshot(s),
      () => {
        if (!abort.signal.aborted) setFailed(true);
      },
    );
    return () => abort.abort();
  }, [longitude, latitude, approximate, alt]);

  // Without WebGL the sheet stays complete: the address says where to go.
  if (failed) return null;
  return (
    <figure className="sheet-map">
      {snapshot ? (
        <>
          <img src={snapshot.src} alt={alt} width={320} height={200} />
          {snapshot.attribution && <figcaption>{snapshot.attribution}</figcaption>}
        </>
      ) : (
        <div ref={container} className="sheet-map-canvas" aria-hidden="true" />
      )}
    </figure>
  );
}
