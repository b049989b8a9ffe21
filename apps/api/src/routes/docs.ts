// GET /openapi.json (OpenAPI 3.1 generated from the routes' zod schemas), /docs (an HTML page rendered
// from it on the server: no scripts, strict CSP) and /docs.css. Rendered once, on first request, from
// the document of the whole app, so every route registered anywhere appears.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { DOCS_CSS, type OpenApiLike, renderDocs } from '../lib/docs-html.js';
import { errors } from './common.js';

const openapiRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  tags: ['meta'],
  summary: 'OpenAPI 3.1 document',
  responses: {
    200: {
      description: 'This document.',
      content: {
        'application/json': { schema: z.object({}).passthrough().openapi({ description: 'OpenAPI 3.1' }) },
      },
    },
    405: errors[405],
    500: errors[500],
  },
});

const docsRoute = createRoute({
  method: 'get',
  path: '/docs',
  operationId: 'getDocs',
  tags: ['meta'],
  summary: 'API documentation (HTML)',
  responses: {
    200: { description: 'The docs page.', content: { 'text/html': { schema: z.string() } } },
    405: errors[405],
    500: errors[500],
  },
});

const cssRoute = createRoute({
  method: 'get',
  path: '/docs.css',
  operationId: 'getDocsCss',
  tags: ['meta'],
  summary: 'Stylesheet of the docs page',
  responses: {
    200: { description: 'CSS.', content: { 'text/css': { schema: z.string() } } },
    405: errors[405],
    500: errors[500],
  },
});

/**
 * The docs routes over a document getter (the app's, called once per configured public origin, after
 * every route is registered). The origin comes from configuration (PUBLIC_ORIGIN), never from a request.
 */
export function createDocsRoutes(getDocument: (origin: string | undefined) => unknown) {
  const rendered = new Map<string, { json: string; html?: string }>();
  const doc = (origin: string | undefined) => {
    let r = rendered.get(origin ?? '');
    if (!r) {
      r = { json: JSON.stringify(getDocument(origin)) };
      rendered.set(origin ?? '', r);
    }
    return r;
  };
  return (
    new OpenAPIHono<AppEnv>()
      // The document is served pre-serialised; its JSON type is the OpenAPI schema, not worth re-typing.
      .openapi(
        openapiRoute,
        (c) =>
          c.body(doc(c.env?.PUBLIC_ORIGIN).json, 200, {
            'Content-Type': 'application/json; charset=utf-8',
          }) as never,
      )
      .openapi(docsRoute, (c) => {
        const r = doc(c.env?.PUBLIC_ORIGIN);
        r.html ??= renderDocs(JSON.parse(r.json) as OpenApiLike);
        return c.html(r.html, 200);
      })
      .openapi(cssRoute, (c) => c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
  );
}
