// Pieces every route declaration shares: the documented error responses, caching headers and the
// CSV alternative of collections.
import { z } from '@hono/zod-openapi';
import { Problem } from '../schemas.js';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/** Error responses every /v1 route can give. */
export const errors = {
  400: problem(
    'Invalid or unknown query parameter (named in `invalidParams`; `allowed` lists the valid ones).',
  ),
  404: problem(
    'Unknown id or path, no record matching a selection, or a `v=` release this server does not hold.',
  ),
  405: problem('Wrong method; the `Allow` header lists the allowed ones (GET, HEAD, OPTIONS).'),
  500: problem('Unexpected server failure (never expected; no internals are returned).'),
} as const;

export const metricErrors = {
  ...errors,
  422: problem(
    'The records cannot give this metric: a base of zero, a record graded below the `confidence` asked for, inputs that do not belong together (units, places or periods: `invalidParams` names the parameter and why), a comparison that straddles a series break without `allowBreak=true`, or an undated record without `allowUndated=true`.',
  ),
} as const;

export const notModified = {
  304: { description: 'Not modified: `If-None-Match` matched the ETag. CORS headers are kept.' },
} as const;

export const dataHeaders = z.object({
  etag: z.string().openapi({ description: 'Strong ETag derived from the dataset content hash.' }),
  'cache-control': z.string().openapi({
    description: 'Revalidating for current URLs; `public, max-age=31536000, immutable` with `?v=` pinned.',
  }),
});

export const collectionHeaders = dataHeaders.extend({
  vary: z.string().openapi({ description: 'Accept (JSON or CSV).' }),
});

/**
 * 200 of a collection: the JSON envelope. Its CSV twin (`text/csv`, and the `.csv` path) is added to the
 * OpenAPI document by `addCsvToDocument`, so that the typed client keeps the JSON type.
 */
export function collectionOk<T extends z.ZodTypeAny>(schema: T, description: string) {
  return { description, headers: collectionHeaders, content: { 'application/json': { schema } } };
}

const CSV_MEDIA = {
  schema: {
    type: 'string',
    description: 'RFC 4180 CSV, UTF-8, with a header row; `Content-Disposition: attachment` names the file.',
  },
};

interface DocLike {
  paths?: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        parameters?: { name: string }[];
        responses?: Record<string, { content?: Record<string, unknown> }>;
      }
    >
  >;
}

/** Adds `text/csv` to each collection's 200 and documents its `.csv` path. */
export function addCsvToDocument<D>(doc: D, collections: Iterable<string>): D {
  const paths = (doc as DocLike).paths;
  if (!paths) return doc;
  for (const path of collections) {
    const op = paths[path]?.get;
    const ok = op?.responses?.['200'];
    if (!op || !ok) continue;
    ok.content = { ...ok.content, 'text/csv': CSV_MEDIA };
    paths[`${path}.csv`] = {
      get: {
        ...op,
        operationId: `${op.operationId ?? path}Csv`,
        parameters: (op.parameters ?? []).filter((p) => p.name !== 'format'),
        responses: { ...op.responses, 200: { ...ok, content: { 'text/csv': CSV_MEDIA } } },
      },
    };
  }
  return doc;
}

export function jsonOk<T extends z.ZodTypeAny>(schema: T, description: string) {
  return { description, headers: dataHeaders, content: { 'application/json': { schema } } };
}

export const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);
