import { Hono } from 'hono';
import { DOCS_CSS, docsPage } from './docs-page.ts';
import { openApiDocument } from './openapi.ts';

/** GET /api/openapi.json and GET /api/docs (+ its stylesheet): the description and its readable page, both built once. */
export function openapiRoutes() {
  const doc = openApiDocument();
  const page = docsPage(doc);
  return new Hono()
    .get('/openapi.json', (c) => c.json(doc))
    .get('/docs', (c) => c.html(page))
    .get('/docs.css', (c) => {
      c.header('Content-Type', 'text/css; charset=UTF-8');
      return c.body(DOCS_CSS);
    });
}
