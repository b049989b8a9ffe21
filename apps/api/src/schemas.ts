// OpenAPI-facing zod schemas: the core's record schemas (the single source of truth) wrapped in the
// API's envelopes, plus the query parameters of every route. Used both to validate requests and to
// generate /openapi.json, so the document cannot drift from what the API checks.
import { z } from '@hono/zod-openapi';
import {
  eventSchema,
  geoEntrySchema,
  indicatorSchema,
  observationSchema,
  periodPointSchema,
  reportedChangeSchema,
  sourceSchema,
  statementSchema,
} from '@mt0/core/schemas';
import { meta } from './lib/data.js';
import { PROBLEM_TYPES } from './lib/problem.js';

// ---------------------------------------------------------------------------------------------------
// Records

/**
 * A core schema named as an OpenAPI component, whatever order the modules were evaluated in. zod 4 copies
 * a method added to `ZodType.prototype` onto each schema when the schema is constructed (zod's
 * `$constructor`), so `extendZodWithOpenApi`, run when @hono/zod-openapi is first evaluated, reaches
 * only schemas made after it: core's schemas are module constants, and any import that evaluates them
 * first (`@mt0/core/release-files` builds the data package from them) leaves them without `.openapi`.
 * The method on the prototype is there as soon as this module's imports have run, and it returns a new,
 * extended copy of the schema.
 * @example named(observationSchema, 'Observation') // a copy of observationSchema, $ref'd as Observation
 */
export function named<T extends z.ZodType>(schema: T, refId: string): T {
  return z.ZodType.prototype.openapi.call(schema, refId) as T;
}

export const Observation = named(observationSchema, 'Observation');
export const Change = named(reportedChangeSchema, 'ReportedChange');
export const Event = named(eventSchema, 'Event');
export const Geo = named(geoEntrySchema, 'Geo');

export const StoreObservation = z
  .object({
    id: z.string().describe('indicator:geo:period:source'),
    indicator: z.string(),
    geo: z.string(),
    level: z.enum(['country', 'region', 'comuna']),
    period: z.string().describe('2019 or 2019-03.'),
    resolution: z.enum(['month', 'year']),
    value: z.number(),
    months: z.number().int().optional().describe('Months summed into a yearly value (12: a whole year).'),
    periodStatus: z.literal('partial').optional().describe('A year of fewer than 12 months.'),
    population: z.number().int().optional().describe('INE population of the place that year.'),
    per100k: z.number().optional().describe('value / population × 100,000 (with per100k=true).'),
    source: z.string(),
    via: z.string().optional().describe('The source the figures came through.'),
    confidence: z.string(),
    vintage: z.string().optional().describe("The upstream file of the cells (see the store's vintages)."),
    row: z.string().optional().describe("A comuna's own value: the row of the data package's table it is."),
    derivation: z.string().optional().describe('A value made at build: a sum of comunas or of months.'),
    warnings: z
      .array(z.object({ code: z.literal('small_count'), message: z.string() }))
      .optional()
      .describe('A rate of fewer than 20 cases: its 95 % chance interval is wider than ±44 %.'),
  })
  .openapi('StoreObservation');

export const IndicatorSummary = indicatorSchema
  .extend({
    geos: z.array(z.string()).describe('Geographies with records of this indicator.'),
    periods: z.array(z.string()).describe('Periods with observations, earlier first.'),
    observations: z.number().int().describe('Number of observations.'),
    changes: z.number().int().describe('Number of reported changes.'),
  })
  .openapi('Indicator');

export const SourceSummary = sourceSchema
  .extend({
    records: z.number().int().describe('Records (observations, changes, statements, events) citing it.'),
  })
  .openapi('Source');

export const Evidence = z
  .union([
    z.object({ id: z.string(), kind: z.literal('observation'), record: Observation }),
    z.object({ id: z.string(), kind: z.literal('change'), record: Change }),
  ])
  .openapi('Evidence');

export const Statement = statementSchema
  .extend({ evidence: z.array(Evidence).describe('The records the claim is set against, expanded.') })
  .openapi('Statement');

// ---------------------------------------------------------------------------------------------------
// Envelopes

export const Problem = z
  .object({
    type: z.string().describe('URI reference naming the problem type; it resolves to its entry in /docs.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('What went wrong with this request, naming the parameter.'),
    instance: z.string().optional().describe('The request path.'),
    invalidParams: z
      .array(z.object({ name: z.string(), reason: z.string() }))
      .optional()
      .describe('The offending query parameters and why.'),
    allowed: z.array(z.string()).optional().describe('Allowed parameters or values, when that helps.'),
  })
  .passthrough()
  .openapi('Problem', {
    description: `RFC 9457 problem details. Types: ${Object.keys(PROBLEM_TYPES).join(', ')}.`,
  });

export const ListMeta = z
  .object({
    count: z.number().int().describe('Records in this page.'),
    total: z.number().int().describe('Records matching the filters, over all pages.'),
    datasetVersion: z.string(),
    contentHash: z.string().describe('sha256 of the dataset release (the ETag is derived from it).'),
  })
  .openapi('ListMeta');

export const Links = z
  .object({
    self: z.string(),
    next: z.string().nullable().describe('The next page (opaque cursor), or null on the last page.'),
  })
  .openapi('Links');

export const list = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ data: z.array(item), meta: ListMeta, links: Links }).openapi(name);

export const single = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ data: item, meta: z.object({ datasetVersion: z.string() }) }).openapi(name);

// ---------------------------------------------------------------------------------------------------
// Query parameters

export const versionParam = z
  .string()
  .regex(/^\d+\.\d+\.\d+$/, 'expected a release version such as 0.1.0')
  .optional()
  .openapi({
    description: `Pin a kept dataset release (current: ${meta.version}; every kept one is at /v1/releases). A pinned URL never changes and is served with \`Cache-Control: immutable\` (except the index /v1, which lists what the server offers and is revalidated); a release this server does not hold is a 404 problem listing the ones it does.`,
    example: meta.version,
  });

export const formatParam = z.enum(['json', 'csv']).optional().openapi({
  description:
    'Representation: json (default) or csv. Same as `Accept: text/csv` or a `.csv` suffix on the path.',
  example: 'csv',
});

/** A parameter that takes one or more values: `a,b` or repeated (`x=a&x=b`). */
const many = (description: string, example: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ description: `${description} One or more, comma-separated or repeated.`, example });

const one = (description: string, example: string) => z.string().optional().openapi({ description, example });

const geoDescription =
  'Place: an id in any case (CL, CL-RM, CL-05101), a CUT code (13, 5101) or an unambiguous name (Calama); see /v1/geos.';
const confidenceDescription =
  'Confidence grades to include: A (primary source quoted), B (secondary source quoting the primary), C (unclear). Default A,B; C only when asked.';

export const collectionQuery = z.object({ format: formatParam, v: versionParam });

export const indicatorsQuery = z.object({
  role: z
    .enum(['output', 'outcome', 'context'])
    .optional()
    .openapi({ description: 'Only indicators of this role.' }),
  format: formatParam,
  v: versionParam,
});

/**
 * Page sizes of /v1/observations: bounded so that an uncached page costs a few milliseconds to build
 * (the bench measures it); the whole table is a file, /v1/downloads/observations.csv.
 */
export const PAGE_LIMIT = { default: 100, max: 500 } as const;
const LIMIT_MESSAGE = `expected a whole number from 1 to ${PAGE_LIMIT.max}; for every observation at once, download /v1/downloads/observations.csv`;

export const observationsQuery = z.object({
  indicator: many('Indicator ids.', 'cead.cases.drugs'),
  geo: many(geoDescription, 'CL'),
  from: periodPointSchema
    .optional()
    .openapi({ description: 'Earliest period (inclusive): a year or a month.', example: '2015' }),
  to: periodPointSchema
    .optional()
    .openapi({ description: 'Latest period (inclusive): a year or a month.', example: '2019' }),
  source: many('Source ids.', 'cead.casos_policiales.extract2026'),
  confidence: many(confidenceDescription, 'A,B'),
  resolution: z.enum(['month', 'year']).optional().openapi({
    description:
      'Read from the comuna × month store: `month`, or `year` (sums of the stored months; a year with fewer than 12 months is `periodStatus: partial`). Comunas are always read from the store.',
    example: 'year',
  }),
  level: z.enum(['region', 'comuna']).optional().openapi({
    description:
      'The places inside `geo` at this level instead of `geo` itself: `level=comuna&geo=CL-AN` gives the 9 comunas of Antofagasta; without `geo`, every place of the level. Read from the store.',
    example: 'comuna',
  }),
  per100k: z.enum(['true', 'false']).optional().openapi({
    description:
      'Add `per100k`, the value per 100,000 inhabitants of the place that year (INE projections), to counts read from the store. A value of fewer than 20 cases carries a `small_count` warning: its 95 % chance interval is wider than ±44 % (1.96/√n).',
    example: 'true',
  }),
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int(LIMIT_MESSAGE)
    .min(1, LIMIT_MESSAGE)
    .max(PAGE_LIMIT.max, LIMIT_MESSAGE)
    .optional()
    .openapi({
      type: 'integer',
      description: `Page size, 1–${PAGE_LIMIT.max} (default ${PAGE_LIMIT.default}). Every observation at once: the download /v1/downloads/observations.csv.`,
      example: 100,
    }),
  cursor: one('Opaque cursor from links.next.', ''),
  format: formatParam,
  v: versionParam,
});

export const changesQuery = z.object({
  indicator: many('Indicator ids.', 'fiscalia.street_sales'),
  geo: many(geoDescription, 'CL'),
  source: many('Source ids.', 'fiscalia.via.insightcrime.2022'),
  confidence: many(confidenceDescription, 'A,B'),
  format: formatParam,
  v: versionParam,
});

export const statementsQuery = z.object({
  indicator: many('Only statements concerning these indicators.', 'mt0.seizures'),
  source: many('Source ids.', 'insightcrime.2022.mt0'),
  format: formatParam,
  v: versionParam,
});

export const eventsQuery = z.object({
  indicator: many(
    'Only events that mark or break these indicators (programme-wide events always match).',
    'cead.cases.drugs',
  ),
  breaksSeries: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Only events that break series (true) or that do not (false).' }),
  format: formatParam,
  v: versionParam,
});

export const itemQuery = z.object({ v: versionParam });

export const idParam = (example: string) =>
  z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example }) });
