/**
 * Requests sent before the app is ready: the page's own little script asks for what the person
 * typed in the search field while the app's code is still on its way (seconds on a weak
 * connection). When the app then makes the same request, `getJson` takes the answer already
 * coming instead of asking again. Each is taken once, and only while fresh: after a minute the
 * app asks the network as usual.
 */
const FRESH_MS = 60_000;

const early = new Map<string, { response: Promise<Response>; at: number }>();

export function askEarly(url: string): Promise<Response> {
  const known = early.get(url);
  if (known && Date.now() - known.at < FRESH_MS) return known.response;
  const response = fetch(url, { headers: { Accept: 'application/json' } });
  // An answer nobody takes must not count as an unhandled failure.
  response.catch(() => undefined);
  early.set(url, { response, at: Date.now() });
  return response;
}

export function takeEarly(url: string): Promise<Response> | undefined {
  const known = early.get(url);
  if (!known) return undefined;
  early.delete(url);
  return Date.now() - known.at < FRESH_MS ? known.response : undefined;
}
