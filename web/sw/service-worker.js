/* Repères service worker: after a first visit, the app shell, the basemap and the last results
   viewed keep working offline. Written by hand (no library) to stay small; built by the
   `service-worker` plugin in vite.config.ts, which fills in the list below. */

/** The first screen's files, listed at build time (index.html + the entry's chunks and CSS). */
const PRECACHE = self.__PRECACHE_MANIFEST__;
const VERSION = self.__PRECACHE_VERSION__;
const SHELL = `reperes-shell-${VERSION}`;
// Lazy chunks (pages, the map) as they are first used; hashed names never change content.
const ASSETS = 'reperes-assets';
const BASEMAP = 'reperes-basemap';
const RESULTS = 'reperes-results';
const KEEP = [SHELL, ASSETS, BASEMAP, RESULTS];

const scope = new URL(self.registration.scope);
// The home page holds its own first screen; every other page is app.html (see vite.config.ts).
const INDEX = new URL('index.html', scope).href;
const APP = new URL('app.html', scope).href;

// Only the public, anonymous lists: never anything tied to a signed-in coordinator, and never the
// commune suggestions, which answer what a person typed.
const CACHED_API = /^\/api\/(lieux|services|clusters)(\/|$|\?)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => !KEEP.includes(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  const path = url.pathname.slice(scope.pathname.length - 1);

  if (request.mode === 'navigate') return event.respondWith(shell(request));
  if (path.startsWith('/assets/')) return event.respondWith(cacheFirst(request, ASSETS));
  if (path.endsWith('.pmtiles') && request.headers.has('range')) return event.respondWith(byteRange(request));
  if (path.startsWith('/basemap/')) return event.respondWith(networkFirst(request, BASEMAP));
  // A list around the person's position, or for the words they typed, would keep these on the
  // device for the next person at a shared computer: never saved.
  const personal = url.searchParams.has('near') || url.searchParams.has('q');
  if (CACHED_API.test(path + url.search) && !personal) return event.respondWith(results(event));
});

/** Any page of the app is index.html or app.html: fresh when online, the cached copy when not. */
async function shell(request) {
  const path = new URL(request.url).pathname;
  const page = path === scope.pathname || path === new URL(INDEX).pathname ? INDEX : APP;
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(SHELL)).put(page, response.clone());
    return response;
  } catch {
    return (await caches.match(page)) ?? Response.error();
  }
}

async function cacheFirst(request, name) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(name)).put(request, response.clone());
  return response;
}

async function networkFirst(request, name) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(name)).put(request, response.clone());
    return response;
  } catch {
    return (await caches.match(request)) ?? Response.error();
  }
}

/**
 * The basemap is read by HTTP byte ranges (206), which the Cache API refuses to store. Each range
 * is kept as its own entry, keyed by URL + range, and given back as the 206 it was.
 */
async function byteRange(request) {
  // In the query, not a #fragment: the Cache API ignores fragments, so every range would collide.
  const key = new URL(request.url);
  key.searchParams.set('range', request.headers.get('range'));
  const cache = await caches.open(BASEMAP);
  try {
    const response = await fetch(request);
    if (response.status === 206) {
      const body = await response.clone().arrayBuffer();
      await cache.put(key, new Response(body, { status: 200, headers: response.headers }));
    }
    return response;
  } catch {
    const cached = await cache.match(key);
    if (!cached) return Response.error();
    return new Response(await cached.arrayBuffer(), { status: 206, statusText: 'Partial Content', headers: cached.headers });
  }
}

/**
 * Lists of places: the network first (never the HTTP cache, so they are never stale when online);
 * offline, the saved answer to the same request or else the last one of its kind (the map may ask
 * for a slightly different box than last time), and the page is told when it was saved.
 */
async function results(event) {
  const request = event.request;
  const cache = await caches.open(RESULTS);
  const latest = new URL(new URL(request.url).pathname + '?latest', scope).href;
  try {
    const response = await fetch(request, { cache: 'no-cache' });
    if (response.ok) {
      const headers = new Headers(response.headers);
      headers.set('x-reperes-saved-at', new Date().toISOString());
      const body = await response.clone().arrayBuffer();
      await cache.put(request, new Response(body, { status: response.status, headers }));
      await cache.put(latest, new Response(body, { status: response.status, headers }));
      notify(event, { type: 'reperes:online' });
    }
    return response;
  } catch {
    const cached = (await cache.match(request)) ?? (await cache.match(latest));
    if (!cached) return Response.error();
    notify(event, { type: 'reperes:offline-results', savedAt: cached.headers.get('x-reperes-saved-at') });
    return cached;
  }
}

async function notify(event, message) {
  const client = event.clientId ? await self.clients.get(event.clientId) : null;
  client?.postMessage(message);
}
