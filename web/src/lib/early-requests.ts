/**
 * Requests sent before the app is ready: the page's own little script asks for what the person
 * typed in the search field while the app's code is still on its way (seconds on a weak
 * connection). The app then takes each answer instead of asking again: already read, it is drawn
 * at the first render (`earlyAnswer`); still coming, `getJson` waits for it (`takeEarly`). Each is
 * taken once, and only while fresh: after a minute the app asks the network as usual.
 */
const FRESH_MS = 60_000;

// `body` is set once the answer has come and been read (a refused answer leaves it undefined).
type Early = { response: Promise<Response>; at: number; body?: unknown };

const early = new Map<string, Early>();

/** Sends the request (once while fresh) and gives its body as JSON, or undefined if refused. */
export function askEarly(url: string): Promise<unknown> {
  let entry = fresh(url);
  if (!entry) {
    entry = { response: fetch(url, { headers: { Accept: 'application/json' } }), at: Date.now() };
    early.set(url, entry);
  }
  const known = entry;
  // A copy, read as soon as the answer comes and before the app reads the answer itself.
  return known.response
    .then((res) => (res.ok ? res.clone().json() : undefined))
    .then(
      (body) => {
        known.body = body;
        return body;
      },
      () => undefined,
    );
}

/** The answer to an early request if it has come and been read: taken once. */
export function earlyAnswer<T>(url: string): T | undefined {
  const entry = fresh(url);
  if (entry?.body === undefined) return undefined;
  early.delete(url);
  return entry.body as T;
}

/** The early request still on its way, if any: taken once. */
export function takeEarly(url: string): Promise<Response> | undefined {
  const entry = fresh(url);
  if (!entry) return undefined;
  early.delete(url);
  return entry.response;
}

function fresh(url: string): Early | undefined {
  const entry = early.get(url);
  if (entry && Date.now() - entry.at >= FRESH_MS) early.delete(url);
  return early.get(url);
}
