// GET /v1: the API index — links to every collection and metric, the dataset release, its content
// hash, licence and citation, and how to pin a release.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { sha256Hex } from '@mt0/core/release-files';
import type { AppEnv } from '../env.js';
import { API_VERSION, type ReleaseView, viewOf } from '../lib/data.js';
import { coreDownloads, downloads } from '../lib/downloads.js';
import { METRICS } from '../lib/metrics.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import { itemQuery } from '../schemas.js';
import { errors, jsonOk, keysOf, notModified } from './common.js';

const IndexSchema = z
  .object({
    name: z.string(),
    apiVersion: z.string(),
    datasetVersion: z.string(),
    contentHash: z.string(),
    qualifierPolicy: z.string(),
    licence: z.string(),
    citation: z.string(),
    links: z.record(z.string(), z.string()),
    versioning: z.string(),
  })
  .openapi('Index');

const route = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getIndex',
  tags: ['index'],
  summary: 'API index',
  description:
    'Links to every collection and metric, the dataset release, content hash, licence and citation.',
  middleware: [strictQuery(keysOf(itemQuery))] as const,
  request: { query: itemQuery },
  responses: { 200: jsonOk(IndexSchema, 'The index.'), ...notModified, ...errors },
});

/**
 * The index of one release (the current one, or the one ?v= pins). A pinned index lists the
 * collections' downloads only: the comuna × month store is the current build's, not kept per release
 * (its observations refuse another release's pin), and a pinned URL's bytes never change.
 */
const bodyOf = ({ meta }: ReleaseView, pinned: boolean) => ({
  name: meta.name,
  apiVersion: API_VERSION,
  datasetVersion: meta.version,
  contentHash: meta.contentHash,
  qualifierPolicy: meta.qualifierPolicy,
  licence: meta.licence,
  citation: meta.citation,
  links: {
    self: '/v1',
    indicators: '/v1/indicators',
    sources: '/v1/sources',
    geos: '/v1/geos',
    observations: '/v1/observations',
    changes: '/v1/changes',
    statements: '/v1/statements',
    events: '/v1/events',
    releases: '/v1/releases',
    corrections: '/v1/corrections',
    metrics: '/v1/metrics',
    ...Object.fromEntries(METRICS.map((m) => [`metrics.${m}`, `/v1/metrics/${m}`])),
    datapackage: '/v1/datapackage.json',
    downloads: '/v1/downloads',
    ...Object.fromEntries(
      // downloads.observations, downloads.cead-comuna-month.arrow, downloads.cead-comuna-month.csv.gz
      (pinned ? coreDownloads : downloads).map((d) => [
        `downloads.${d.name.replace(/\.csv$/, '')}`,
        `/v1/downloads/${d.name}`,
      ]),
    ),
    pinned: `/v1?v=${meta.version}`,
    openapi: '/openapi.json',
    docs: '/docs',
    health: '/healthz',
  },
  versioning: `Add ?v=${meta.version} to any /v1 URL to pin this dataset release: a pinned URL is immutable (Cache-Control: immutable), except this index, whose links follow what the server offers. Every kept release is listed at /v1/releases and answers its own v=. Without v= you get the current release, revalidated by ETag. A release this server does not hold is a 404 problem.`,
});

/** An index body with the ETag it is served with. */
interface IndexAnswer {
  body: ReturnType<typeof bodyOf>;
  etag: string;
}

const answers = new WeakMap<ReleaseView, Promise<IndexAnswer>>();
const pinnedAnswers = new WeakMap<ReleaseView, Promise<IndexAnswer>>();

/**
 * The index is revalidated even when pinned (its links are the server's, not the release's), so its
 * ETag is a hash of its own bytes: a deploy that adds a link changes it, where the release's content
 * hash (every other route's tag) would not, and a revalidating client would keep the old links.
 */
async function answerOf(view: ReleaseView, pinned: boolean): Promise<IndexAnswer> {
  const body = bodyOf(view, pinned);
  const hash = await sha256Hex(new TextEncoder().encode(JSON.stringify(body)) as Uint8Array<ArrayBuffer>);
  return { body, etag: `"${hash.slice(0, 32)}-index-json"` };
}

export const indexRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const view = viewOf(c);
  const pinned = c.req.query('v') !== undefined;
  const kept = pinned ? pinnedAnswers : answers;
  let answer = kept.get(view);
  if (!answer) {
    answer = answerOf(view, pinned);
    kept.set(view, answer);
  }
  const { body, etag } = await answer;
  c.header('ETag', etag);
  return c.json(body, 200);
});
