// GET /v1/downloads (the list) and /v1/downloads/{file}: the release's whole tables as files written at
// build (@mt0/core/downloads), never as giant paged responses. Served precompressed (brotli, gzip) by
// Accept-Encoding where the runtime holds the copies (Node); a strong ETag per file and coding.
// Downloads follow the pin: `?v=` of a kept older release serves that release's files, made from its
// records by the build's own function (lib/downloads.ts), so a pinned file keeps its bytes and hash.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { negotiateEncoding } from '@mt0/core/serve';
import type { AppEnv } from '../env.js';
import { current, meta, viewOf } from '../lib/data.js';
import {
  assetsStore,
  type DownloadStore,
  downloadByName,
  downloads,
  filesOfRelease,
} from '../lib/downloads.js';
import { echo, ProblemError } from '../lib/problem.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import { itemQuery } from '../schemas.js';
import { dataHeaders, errors, jsonOk, keysOf, notModified } from './common.js';

const NAMES = downloads.map((d) => d.name);

const DownloadEntry = z
  .object({
    name: z.string().openapi({ example: 'observations.csv' }),
    href: z.string().openapi({ example: '/v1/downloads/observations.csv' }),
    pinned: z
      .string()
      .openapi({ example: '/v1/downloads/observations.csv?v=0.3.0' })
      .describe('The same file at a URL that never changes (Cache-Control: immutable): this release.'),
    type: z.string().describe('Media type.'),
    description: z.string(),
    bytes: z.number().int().describe('Size in bytes (uncompressed).'),
    sha256: z.string().describe('sha256 (hex) of the bytes, to check a copy.'),
    encodings: z
      .object({ br: z.number().int().optional(), gzip: z.number().int().optional() })
      .describe('Sizes of the precompressed copies served by Accept-Encoding (Node).'),
  })
  .openapi('Download');

const DownloadList = z
  .object({ data: z.array(DownloadEntry), meta: z.object({ datasetVersion: z.string() }) })
  .openapi('DownloadList');

const listRoute = createRoute({
  method: 'get',
  path: '/downloads',
  operationId: 'listDownloads',
  tags: ['downloads'],
  summary: 'Whole-table downloads',
  description:
    "The files of this dataset release, written at build: every collection as one CSV (all grades, A, B and C), and the comuna × month table of CEAD police cases with INE population as an Apache Arrow IPC file (`cead-comuna-month.arrow`) and as gzip CSV (`cead-comuna-month.csv.gz`, sent as `application/gzip` bytes, no Content-Encoding). Use them instead of paging through a collection. With `?v=` of a kept release, that release's collection files (links pinned to it); the comuna × month table is the current build's, listed with the current release only.",
  middleware: [strictQuery(keysOf(itemQuery))] as const,
  request: { query: itemQuery },
  responses: { 200: jsonOk(DownloadList, 'The files.'), ...notModified, ...errors },
});

/** The base media types of the files, for the OpenAPI document. */
const mediaTypes = [...new Set(downloads.map((d) => d.type.split(';')[0]?.trim() ?? d.type))];
const fileContent = Object.fromEntries(
  mediaTypes.map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }]),
);

const fileRoute = createRoute({
  method: 'get',
  path: '/downloads/{file}',
  operationId: 'getDownload',
  tags: ['downloads'],
  summary: 'One whole-table file',
  description: `A file of the release (${NAMES.join(', ')}), as an attachment. \`Accept-Encoding: br\` or \`gzip\` gets a precompressed copy of the current release's text or Arrow files on Node (\`Content-Encoding\`; it decodes to the listed bytes). A \`.csv.gz\` file is itself gzip (\`application/gzip\`, never a \`Content-Encoding\`): what is saved is the listed file, to gunzip. Immutable per release: pin it with \`?v=${meta.version}\`, or any kept release (\`/v1/releases\`) for that release's collection file, byte for byte what it was when current.`,
  middleware: [strictQuery(keysOf(itemQuery))] as const,
  request: {
    params: z.object({
      file: z.string().openapi({
        param: { name: 'file', in: 'path' },
        example: 'observations.csv',
        description: 'File name.',
      }),
    }),
    query: itemQuery,
  },
  responses: {
    200: {
      description: 'The file.',
      headers: dataHeaders.extend({
        'content-disposition': z
          .string()
          .openapi({ description: 'attachment; filename="mt0-{name}-v{version}.{ext}"' }),
        vary: z.string().openapi({ description: 'Accept-Encoding.' }),
        'content-encoding': z
          .string()
          .optional()
          .openapi({ description: 'br or gzip when a precompressed copy is sent; absent otherwise.' }),
      }),
      content: fileContent,
    },
    ...notModified,
    ...errors,
  },
});

/** "mt0-observations-v0.1.0.csv" for observations.csv of release 0.1.0. */
export function attachmentName(name: string, version: string = meta.version): string {
  const dot = name.indexOf('.');
  return dot === -1 ? `mt0-${name}-v${version}` : `mt0-${name.slice(0, dot)}-v${version}${name.slice(dot)}`;
}

const unknownFile = (file: string) =>
  new ProblemError('not-found', `No download ${echo(file)}. Files: ${NAMES.join(', ')}.`, {
    allowed: NAMES,
  });

function storeOf(env: AppEnv['Bindings'] | undefined): DownloadStore | undefined {
  if (env?.DOWNLOADS) return env.DOWNLOADS;
  return env?.ASSETS ? assetsStore(env.ASSETS) : undefined;
}

export const downloadRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const view = viewOf(c);
    // A pinned list links to the pinned files; the current one to the current files.
    const pin = c.var.pinned === undefined ? '' : `?v=${view.meta.version}`;
    const entries =
      view === current
        ? downloads
        : [...(await filesOfRelease(view.dataset)).values()].map((f) => ({
            name: f.name,
            type: f.type,
            description: f.description,
            bytes: f.bytes.length,
            sha256: f.sha256,
            encodings: {},
          }));
    return c.json(
      {
        data: entries.map((d) => ({
          name: d.name,
          href: `/v1/downloads/${d.name}${pin}`,
          pinned: `/v1/downloads/${d.name}?v=${view.meta.version}`,
          type: d.type,
          description: d.description,
          bytes: d.bytes,
          sha256: d.sha256,
          encodings: d.encodings,
        })),
        meta: { datasetVersion: view.meta.version },
      },
      200,
    );
  })
  .openapi(fileRoute, async (c) => {
    const { file } = c.req.valid('param');
    const view = viewOf(c);
    if (view !== current) {
      // A kept older release: its file made from its records (identity only: made, not precompressed).
      const made = (await filesOfRelease(view.dataset)).get(file);
      if (!made) throw unknownFile(file);
      return c.body(made.bytes, 200, {
        'Content-Type': made.type,
        'Content-Length': String(made.bytes.length),
        'Content-Disposition': `attachment; filename="${attachmentName(made.name, view.meta.version)}"`,
        ETag: `"${made.sha256.slice(0, 32)}"`,
        Vary: 'Accept-Encoding',
      }) as never;
    }
    const entry = downloadByName.get(file);
    if (!entry) throw unknownFile(file);
    const store = storeOf(c.env);
    const offered = store?.encodings.filter((e) => entry.encodings[e] !== undefined) ?? [];
    const encoding = negotiateEncoding(c.req.header('accept-encoding'), offered);
    const body = await store?.open(entry.name, encoding);
    if (!body) {
      throw new ProblemError(
        'not-found',
        `${entry.name} is not on this server (it is written by the build: run pnpm build).`,
      );
    }
    const headers: Record<string, string> = {
      'Content-Type': entry.type,
      'Content-Length': String(encoding ? entry.encodings[encoding] : entry.bytes),
      'Content-Disposition': `attachment; filename="${attachmentName(entry.name)}"`,
      ETag: `"${entry.sha256.slice(0, 32)}${encoding ? `-${encoding}` : ''}"`,
      Vary: 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    return c.body(body as never, 200, headers) as never;
  });
