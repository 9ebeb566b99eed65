import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';

export type Style = Exclude<maplibregl.MapOptions['style'], string | undefined>;

let installed = false;

/** Once per page: MapLibre keeps both settings globally. */
export function installProtocols(): void {
  if (installed) return;
  installed = true;
  // Without an explicit worker URL the bundled app cannot find MapLibre's worker.
  maplibregl.setWorkerUrl(workerUrl);
  maplibregl.addProtocol('pmtiles', new Protocol().tile);
}

/**
 * The offline style (public/basemap/) uses relative URLs, which MapLibre cannot resolve. They are
 * made absolute by concatenation: `new URL()` would percent-encode the {fontstack}/{range}
 * placeholders and break glyph loading.
 */
export async function loadBasemapStyle(signal: AbortSignal): Promise<Style> {
  const base = new URL(import.meta.env.BASE_URL + 'basemap/', location.href).href;
  const res = await fetch(base + 'style.json', { signal });
  if (!res.ok) throw new Error(`style.json: HTTP ${res.status}`);
  const style = (await res.json()) as Style;
  if (style.glyphs?.startsWith('./')) style.glyphs = base + style.glyphs.slice(2);
  for (const source of Object.values(style.sources)) {
    if ('url' in source && source.url?.startsWith('pmtiles://./')) {
      source.url = 'pmtiles://' + base + source.url.slice('pmtiles://./'.length);
    }
  }
  return style;
}
