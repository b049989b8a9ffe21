// The MT-0 API as one Hono app (OpenAPIHono): every route, middleware and error shape, runtime-free.
// src/node.ts serves it on Node, src/worker.ts on Cloudflare Workers; tests call app.request().
// Depends on @mt0/core (records, schemas, metrics) and hono only; it must not read files or the network.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { API_VERSION, meta } from './lib/data.js';
import { isDownloadPath } from './lib/downloads.js';
import { releases } from './lib/releases.js';
import { CSV_PATHS, stripCsvSuffix } from './middleware/csv/index.js';
import { notFoundProblem, validationHook } from './middleware/problem-json/index.js';
import { responseCache, storeFor } from './middleware/response-cache/index.js';
import { useAnswerMiddleware } from './middleware/stack/index.js';
import { changeRoutes } from './routes/changes.js';
import { addCsvToDocument } from './routes/common.js';
import { dataPackageRoutes } from './routes/datapackage.js';
import { createDocsRoutes } from './routes/docs.js';
import { downloadRoutes } from './routes/downloads.js';
import { eventRoutes } from './routes/events.js';
import { geoRoutes } from './routes/geos.js';
import { healthRoutes } from './routes/health.js';
import { indexRoutes } from './routes/index.js';
import { indicatorRoutes } from './routes/indicators.js';
import { metricRoutes, unknownMetric } from './routes/metrics.js';
import { observationRoutes } from './routes/observations.js';
import { releaseRoutes } from './routes/releases.js';
import { sourceRoutes } from './routes/sources.js';
import { statementRoutes } from './routes/statements.js';

/**
 * The app's response cache, per runtime: 8 MiB by default (tests), `MT0_CACHE_MB` from the Worker's
 * vars (small: the platform's HTTP cache does the rest), and off on Node, which caches in front of the
 * app (src/server/front.ts). See the middleware for why serving stored bytes is safe.
 */
export const cacheStore = storeFor(8 * 1024 * 1024);

const base = new OpenAPIHono<AppEnv>({ defaultHook: validationHook, getPath: stripCsvSuffix });

// Order matters: the response cache answers repeat requests before anything else runs; 405 wraps the
// 404 of a known path; CORS and security headers wrap every answer, including 304s and problems.
base.use('*', responseCache(cacheStore, isDownloadPath));
useAnswerMiddleware(base);
// Which release a /v1 request reads: ?v= pins a kept one (a 404 problem for any other).
base.use('/v1/*', releases());
base.notFound(notFoundProblem(unknownMetric));

const app = base
  .route('/v1', indexRoutes)
  .route('/v1', indicatorRoutes)
  .route('/v1', sourceRoutes)
  .route('/v1', geoRoutes)
  .route('/v1', observationRoutes)
  .route('/v1', changeRoutes)
  .route('/v1', statementRoutes)
  .route('/v1', eventRoutes)
  .route('/v1', metricRoutes)
  .route('/v1', releaseRoutes)
  .route('/v1', downloadRoutes)
  .route('/v1', dataPackageRoutes)
  .route('/', healthRoutes);

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'MT-0 Data Kit API',
    version: API_VERSION,
    summary: "Sourced statistics on Chile's Microtráfico Cero programme and drug enforcement.",
    description: `Read-only JSON and CSV over the MT-0 Data Kit (dataset release ${meta.version}): levels, reported changes, statements with their evidence, events and series breaks, and metrics that return their inputs and formula. Pin a release with \`?v=${meta.version}\` (immutable). CSV: \`Accept: text/csv\`, \`?format=csv\` or a \`.csv\` suffix on a collection. Errors are RFC 9457 problem+json.`,
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: 'http://127.0.0.1:8787', description: 'Local Node server (pnpm start)' }],
  // A public, read-only API: no authentication, declared rather than left undefined.
  security: [],
  tags: [
    { name: 'index', description: 'Entry point.' },
    { name: 'records', description: 'The records of the dataset, as sources state them.' },
    { name: 'metrics', description: 'Derived figures with their inputs and formula.' },
    { name: 'downloads', description: 'The whole tables of the release, as files.' },
    { name: 'meta', description: 'Health, OpenAPI and docs.' },
  ],
};

/**
 * The OpenAPI 3.1 document of every route (called once per configured origin, lazily, by the docs
 * routes). With PUBLIC_ORIGIN its server is that origin; without it, the local default.
 */
function openapiDocument(origin: string | undefined): unknown {
  const info = origin
    ? { ...OPENAPI_INFO, servers: [{ url: origin, description: 'This server' }] }
    : OPENAPI_INFO;
  return addCsvToDocument(withDocs.getOpenAPI31Document(info), CSV_PATHS);
}

const withDocs = app.route('/', createDocsRoutes(openapiDocument));

export { withDocs as app };
/** The app's type, for the typed client (`hc<AppType>`). */
export type AppType = typeof withDocs;
export default withDocs;
