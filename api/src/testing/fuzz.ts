import fc from 'fast-check';
import { expect } from 'vitest';
import type { createApp } from '../app.ts';
import { en } from '../i18n/en.ts';
import { fr } from '../i18n/fr.ts';
import { pickLang } from '../i18n/messages.ts';

/**
 * Generators of hostile requests and the one rule every answer must keep: below 500, and every
 * refusal a JSON `{ code, message }` worded in the caller's language. Shared by the fuzz tests of
 * the public routes and of the coordinators' routes.
 */

type App = ReturnType<typeof createApp>;

/** Fixed, so a failure replays; fast-check prints it with the shrunk counterexample. */
export const FUZZ_SEED = 20261125;

/** Inputs that broke other parsers: SQL and FTS5 syntax, format strings, prototype keys, encodings. */
const NASTY = [
  '', ' ', '\u0000', '\u0000a', '\n', '\r\n', '\t', '😀', '👩🏽‍💻', 'é', 'e\u0301', '\u202e', '\ufeff', '\ud800', '\udfff',
  "'; DROP TABLE lieux; --", "' OR 1=1 --", '" OR ""="', 'NEAR(a b)', 'a OR b*', '"*', '*', '^', '(', ')', 'AND', 'NOT',
  '%', '%%', '%zz', '%00', '%C3', '%C3%28', '%FF%FE', '%2F', '%2e%2e', '..', '../..', '/', '\\', '?', '#', '&', '=', ';', ',',
  ',,,', '1,2,3', '-0', 'NaN', 'Infinity', '-Infinity', '1e308', '1e-400', '0x10', '9'.repeat(30), '-1', '1.5', '01',
  'null', 'true', '[]', '{}', '__proto__', 'constructor', 'prototype', 'toString', '{values}', '${x}', '<script>alert(1)</script>',
];

const ascii = (max: number) => fc.string({ maxLength: max });
/** Strings a person, a robot or a broken client could send. */
export const nastyText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: ascii(40) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'é', '😀', '%', '9', ','), fc.integer({ min: 90, max: 20_000 })).map(([c, n]) => c.repeat(n)) },
);

/** Percent-encodes the UTF-8 bytes; a lone surrogate becomes U+FFFD, as a browser would send it. */
export const encode = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/** A value as it reaches the URL: properly encoded, raw (the URL parser fixes what it must), or broken escapes. */
const inUrl = (value: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: value.map(encode) },
    // eslint-disable-next-line no-control-regex -- the same values without what a URL cannot carry raw
    { weight: 1, arbitrary: value.map((v) => v.replace(/[#\u0000-\u001f]/g, '')) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%C3', '%E2%82', '%FF', '%00', '%%41', '%u00e9', '+', '%2B%2', '%F0%9F%98') },
  );

/**
 * A query string over `known` keys (each with plausible values, so some requests get past the
 * validator) plus unknown, empty and repeated keys.
 */
export function queryString(known: Record<string, fc.Arbitrary<string>>, options: { prefix?: string } = {}) {
  const keys = Object.keys(known);
  const pair = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...keys).chain((k) => fc.tuple(fc.constant(encode(k)), inUrl(fc.oneof(known[k]!, nastyText)))) },
    { weight: 1, arbitrary: fc.tuple(inUrl(nastyText), inUrl(nastyText)) },
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((k): [string, string] => [encode(k), '']) },
  );
  return fc
    .tuple(fc.array(pair, { maxLength: 5 }), fc.constantFrom('&', '&&', ';'), fc.boolean())
    .map(([pairs, sep, noEquals]) => {
      const parts = pairs.map(([k, v]) => (noEquals && v === '' ? k : `${k}=${v}`));
      if (options.prefix) parts.unshift(options.prefix);
      return parts.length ? `?${parts.join(sep)}` : '';
    });
}

/** A path segment standing for an id: known ones (to reach the handler) and hostile ones. */
export const pathId = (known: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known).map(encode) },
    { weight: 1, arbitrary: fc.constantFrom(...known).chain((id) => fc.constantFrom(`${id}%00`, `${id}%2F..`, `${id} `, id.toUpperCase(), `${id}/`, `${id}.json`).map((s) => s.replace(/ /g, '%20'))) },
    { weight: 3, arbitrary: inUrl(nastyText).filter((s) => s !== '' && !s.includes('?') && !s.includes('/')) },
    { weight: 1, arbitrary: fc.constantFrom('..', '%2e%2e', '.', '%2F', 'a%2Fb', '%5C', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(5000), encode('é'.repeat(300))) },
  );

/** Header values must be Latin-1 without NUL, CR or LF: anything else never leaves a real client either. */
const headerText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.constantFrom('', ' ', '*', 'null', 'undefined', '"', 'W/"', 'a'.repeat(8000), 'Ã©', '\u00ff\u00fe'),
);

export type Who = { cookie: string; csrf: string } | undefined;

/** Mostly absent, sometimes present: each header is spoiled in about one request in five. */
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

/**
 * Headers as a browser, a script or a scanner would send them: language, conditional requests,
 * cookies and CSRF tokens, origins, content types and lengths that lie. `who` is the session the
 * request is made with (its cookie and CSRF token are sent, then sometimes spoiled); `json` sends
 * the JSON content type a body needs, sometimes replaced by another; `version` is the If-Match a
 * conditional write usually carries.
 */
export function headers(options: { who?: Who; json?: boolean; version?: fc.Arbitrary<string> } = {}) {
  const { who, version } = options;
  return fc
    .record({
      'accept-language': sometimes(fc.oneof(fc.constantFrom('fr-FR,fr;q=0.9', 'en', 'en-GB,en;q=0.8', 'de', '*', 'fr;q=abc', ',,,'), headerText)),
      'if-match': version
        ? fc.oneof({ weight: 3, arbitrary: version }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom('*', '""', 'W/', '"1", "2"', '0', '-1', '1.5', '9'.repeat(12), ' 3 ', '"abc"'), headerText) })
        : sometimes(fc.oneof(fc.constantFrom('*', '"1", "2"', '9'.repeat(12)), headerText)),
      'if-none-match': sometimes(fc.oneof(fc.constantFrom('*', 'W/"1-0"', '"x"'), headerText)),
      cookie: sometimes(
        fc.oneof(
          fc.constantFrom('reperes_session=', 'reperes_session="', 'reperes_session=%', 'reperes_session=%zz; reperes_session=a', '=; ;;', 'a=b'),
          headerText.map((v) => `reperes_session=${v}`),
          headerText,
          who ? fc.constant(`${who.cookie}; reperes_session=autre`) : headerText,
        ),
      ),
      'x-csrf-token': sometimes(fc.oneof(fc.constantFrom('', 'null'), who ? fc.constant(`${who.csrf}x`) : headerText, headerText)),
      origin: sometimes(fc.constantFrom('https://evil.example', 'null', 'http://localhost', 'file://', '')),
      'content-type': sometimes(
        fc.constantFrom(
          'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'multipart/form-data',
          'text/plain', 'text/csv', 'application/octet-stream', 'APPLICATION/JSON', 'application/merge-patch+json', 'json', '', ';;',
        ),
      ),
      'content-length': sometimes(fc.constantFrom('0', '1', '-1', 'abc', '99999999999999999999', '1e3')),
      'x-forwarded-for': sometimes(fc.constantFrom('1.2.3.4', '::1', 'garbage, 999.999.1.1')),
      range: sometimes(fc.constantFrom('bytes=0-1', 'bytes=-5', 'bytes=9-1', 'pages=1')),
    })
    .map((h) => {
      const out: Record<string, string> = {};
      if (who) {
        out.cookie = who.cookie;
        out['x-csrf-token'] = who.csrf;
      }
      if (options.json) out['content-type'] = 'application/json';
      for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = v;
      return out;
    });
}

/** A JSON value of any shape, including very deep ones written as text (a JS value that deep could not be built safely). */
const deepJson = fc
  .tuple(fc.integer({ min: 100, max: 100_000 }), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`);

/**
 * Starts from a body the route accepts and spoils it: fields dropped, given another type or a
 * hostile string, unknown fields added. Many cases stay close enough to pass the first checks.
 */
export function spoiled(template: Record<string, unknown>) {
  const fields = Object.keys(template);
  const other = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    nastyText,
    fc.constantFrom(null, true, 0, -1, 1.5, 1e308, [], {}, [null], ['a'], { __proto__: null }, 2 ** 53 + 1),
  );
  return fc
    .tuple(
      fields.length > 0 ? fc.array(fc.tuple(fc.constantFrom(...fields), fc.oneof(other, fc.constant(undefined))), { maxLength: 4 }) : fc.constant([]),
      fc.array(fc.tuple(nastyText, other), { maxLength: 1 }),
    )
    .map(([changes, extra]) => {
      const body: Record<string, unknown> = { ...template };
      for (const [k, v] of changes) {
        if (v === undefined) delete body[k];
        else body[k] = v;
      }
      for (const [k, v] of extra) Object.defineProperty(body, k, { value: v, enumerable: true, configurable: true, writable: true });
      return JSON.stringify(body);
    });
}

export type Body = string | Uint8Array<ArrayBuffer> | undefined;

/** A request body: near-valid JSON from `template`, any JSON, deep JSON, invalid UTF-8, huge, or not JSON at all. */
export function body(template: Record<string, unknown>) {
  return fc.oneof(
    { weight: 6, arbitrary: spoiled(template) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? '') },
    { weight: 1, arbitrary: deepJson },
    {
      weight: 1,
      arbitrary: fc
        .tuple(spoiled(template), fc.constantFrom('details', ...Object.keys(template)), deepJson)
        .map(([json, field, deep]) => (json.length > 2 ? `${json.slice(0, -1)},${JSON.stringify(field)}:${deep}}` : json)),
    },
    {
      weight: 1,
      arbitrary: spoiled(template).map((json) => {
        const bytes = Buffer.from(json, 'utf8');
        return new Uint8Array([...bytes.subarray(0, 2), 0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, ...bytes.subarray(2)]);
      }),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        undefined, '', 'null', '[]', '"texte"', '1e400', '{', '{"a":1,}', 'nom=Mairie&version=1', '\ufeff{}', '{"__proto__":{"admin":true}}',
        `{"nom":"${'x'.repeat(300_000)}"}`, '{"a":"\\ud800"}', '{"a":"\\u0000"}',
      ),
    },
  );
}

export type FuzzRequest = { method: string; url: string; headers?: Record<string, string>; body?: Body };

/** Sends the request in-process, as @hono/node-server would hand it over. */
export async function send(app: App, r: FuzzRequest): Promise<Response> {
  const request = new Request(`http://localhost${r.url}`, {
    method: r.method,
    headers: r.headers,
    body: r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body,
  });
  return app.request(request);
}

const templateOf = (text: string) => new RegExp(`^${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[\\s\\S]*')}$`);
const frTemplates = new Map(Object.entries(fr).map(([k, v]) => [k, templateOf(v)]));
const enTemplates = new Map(Object.entries(en).map(([k, v]) => [k, templateOf(v)]));

/** The language the answer owes: the first `lang` of the query string as Hono reads it, then Accept-Language. */
function expectedLang(r: FuzzRequest) {
  const search = new URL(`http://localhost${r.url}`).search.slice(1);
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  const lang = search
    .split('&')
    .map((part) => part.split('='))
    .find(([k]) => decode(k!) === 'lang');
  return pickLang(lang ? decode(lang.slice(1).join('=')) : undefined, r.headers?.['accept-language']);
}

/**
 * The rule for every answer: never 5xx (503 included, the data is loaded), and a refusal is JSON
 * `{ code, message }` whose message is the catalogue's sentence for that code, in French unless
 * the request asked for English. Codes outside the API catalogue (an import file's problems)
 * still need a non-empty message.
 */
export async function expectSound(res: Response, r: FuzzRequest) {
  const text = r.method === 'HEAD' ? '' : await res.text();
  expect(res.status, `${r.method} ${r.url} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  // The URL parser resolves dot segments, so `/api/%2e%2e/x` leaves the API for the web app's own 404.
  const underApi = new URL(`http://localhost${r.url}`).pathname.startsWith('/api/');
  if (res.status < 400 || r.method === 'HEAD' || !underApi) return;
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  const answer = JSON.parse(text) as { code?: unknown; message?: unknown };
  expect(typeof answer.code === 'string' && answer.code.length > 0, text).toBe(true);
  expect(typeof answer.message === 'string' && answer.message.trim().length > 0, text).toBe(true);
  const code = answer.code as string;
  const message = answer.message as string;
  if (!frTemplates.has(code)) return;
  const french = frTemplates.get(code)!.test(message);
  const english = enTemplates.get(code)!.test(message);
  expect(french || english, `message hors catalogue pour ${code} : ${message}`).toBe(true);
  if (expectedLang(r) === 'fr') expect(french, `réponse non française : ${message}`).toBe(true);
  else expect(english, `réponse non anglaise malgré la demande : ${message}`).toBe(true);
}

/** The public reads, fuzzed in-process on the real data; every other route is fuzzed on a copy. */
export const PUBLIC_READ_ROUTES = [
  'GET /api/lieux', 'GET /api/lieux/:id', 'GET /api/services', 'GET /api/clusters', 'GET /api/communes', 'GET /api/export',
  'GET /api/health', 'GET /api/openapi.json', 'GET /api/docs', 'GET /api/docs.css',
] as const;

/** The route patterns Hono has mounted, as `METHOD /path`, to prove the fuzz leaves none out. */
export const mountedRoutes = (app: App) =>
  new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`));
