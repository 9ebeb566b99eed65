import type { OpenApiDocument } from './openapi.ts';

const escape = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

type Parameter = { name: string; in: string; required: boolean; description: string; example?: string; schema: Record<string, unknown> };
type Operation = { summary: string; description?: string; parameters?: Parameter[]; responses: Record<string, { description: string }> };

const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`;

function schemaHint(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `<code>${escape(v)}</code>`).join(' · ');
  return escape(schema.type ?? 'texte');
}

function example(method: string, path: string, op: Operation): string {
  const query = (op.parameters ?? []).filter((p) => p.in === 'query' && p.example && p.name !== 'lang' && p.name !== 'offset');
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => op.parameters?.find((p) => p.name === name)?.example ?? name);
  const qs = query.slice(0, 2).map((p) => `${p.name}=${encodeURIComponent(p.example!)}`).join('&');
  return method === 'get' ? `curl '${url}${qs ? `?${qs}` : ''}'` : `curl -X POST --data-binary @lieux.csv -H 'X-CSRF-Token: …' -b 'reperes_session=…' '${url}'`;
}

function operation(method: string, path: string, op: Operation): string {
  const params = op.parameters ?? [];
  return `<section class="op" aria-labelledby="${anchor(method, path)}">
  <h3 id="${anchor(method, path)}"><span class="verbe">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
  <p>${escape(op.summary)}</p>
  ${op.description ? `<p>${escape(op.description)}</p>` : ''}
  ${params.length ? `<table><caption>Paramètres</caption><thead><tr><th scope="col">Nom</th><th scope="col">Où</th><th scope="col">Valeurs</th><th scope="col">Description</th></tr></thead><tbody>
  ${params.map((p) => `<tr><th scope="row"><code>${escape(p.name)}</code>${p.required ? ' <span class="requis">(obligatoire)</span>' : ''}</th><td>${p.in === 'query' ? 'adresse (query)' : 'chemin'}</td><td>${schemaHint(p.schema)}</td><td>${escape(p.description)}${p.example ? ` Exemple : <code>${escape(p.example)}</code>` : ''}</td></tr>`).join('\n  ')}
  </tbody></table>` : ''}
  <p>Réponses : ${Object.entries(op.responses).map(([code, r]) => `<strong>${escape(code)}</strong> ${escape(r.description)}`).join(' ; ')}.</p>
  <pre><code>${escape(example(method, path, op))}</code></pre>
</section>`;
}

/** Served as /api/docs.css: the policy allows no inline style, on this page as on the app's. */
export const DOCS_CSS = `
body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem;color:#1e1e1e;background:#fff}
a{color:#0b4fa8}a:focus,summary:focus{outline:3px solid #0b4fa8;outline-offset:2px}
code,pre{font-family:ui-monospace,monospace;background:#f3f3f3;border-radius:4px}code{padding:0 .2em}
pre{padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5rem 0;display:block;overflow-x:auto}caption{text-align:left;font-weight:bold}
th,td{border:1px solid #999;padding:.35rem .5rem;text-align:left;vertical-align:top}
.op{border-top:2px solid #ddd;padding-top:.5rem;margin-top:1.5rem}.verbe{background:#1e1e1e;color:#fff;border-radius:4px;padding:0 .4em}
.requis{color:#a00000;font-weight:normal}nav li{margin:.4rem 0}nav a{display:inline-block;min-height:44px;line-height:44px}
`;

/** The documentation page, rendered on the server from the OpenAPI object: no script, no outside resource. */
export function docsPage(doc: OpenApiDocument): string {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ method, path, op })),
  );
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Documentation de l’API Repères</title>
<link rel="stylesheet" href="/api/docs.css">
</head>
<body>
<header>
<h1>API Repères</h1>
<p>${escape(doc.info.summary)}</p>
<p lang="en">English: every route answers in English with <code>?lang=en</code>. The machine-readable description is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</header>
<main>
<h2>Principes</h2>
<ul>
<li>Lecture libre : aucune clé, aucun compte. Vous pouvez appeler l’API depuis n’importe quel site (en-tête <code>Access-Control-Allow-Origin: *</code>).</li>
<li>Cache : chaque réponse porte un <code>ETag</code> ; renvoyez-le dans <code>If-None-Match</code> pour recevoir une réponse 304 vide. <code>Cache-Control: public, max-age=60</code>.</li>
<li>Limite : ${escape(doc.info.description.match(/(\d+) requêtes par minute/)?.[1] ?? '')} requêtes par minute et par adresse. Au-delà, réponse <strong>429</strong> avec l’en-tête <code>Retry-After</code> (en secondes).</li>
<li>Licence des données : <a href="${escape(doc.info.license.url)}">${escape(doc.info.license.name)}</a> pour la compilation ; chaque lieu garde la licence de ses sources (champ <code>sources</code>).</li>
<li>Description OpenAPI 3.1 : <a href="/api/openapi.json">/api/openapi.json</a>.</li>
</ul>
<h2>Format des erreurs</h2>
<p>Toutes les erreurs ont la même forme : un <code>code</code> stable pour les programmes et un <code>message</code> en français simple.</p>
<pre><code>HTTP/1.1 400 Bad Request
{ "code": "bbox_invalide", "message": "Le paramètre bbox doit contenir 4 nombres séparés par des virgules : …" }</code></pre>
<nav aria-labelledby="sommaire"><h2 id="sommaire">Adresses de l’API</h2><ul>
${ops.map(({ method, path, op }) => `<li><a href="#${anchor(method, path)}">${method.toUpperCase()} ${escape(path)}</a> : ${escape(op.summary)}</li>`).join('\n')}
</ul></nav>
${ops.map(({ method, path, op }) => operation(method, path, op)).join('\n')}
</main>
</body>
</html>`;
}
