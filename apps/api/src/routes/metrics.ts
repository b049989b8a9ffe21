// GET /v1/metrics and /v1/metrics/{name}: derived figures with their inputs, formula, lowest grade and
// warnings. Every route, its query schema and its OpenAPI entry are generated from core's registry of
// metric units by one builder (`metricRoute`); the arithmetic, selection and guards are the core's.
// Adding a metric: its unit in packages/core/src/metrics/units/, its registry entry, and one line here.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ParamDescriptor, ResultField } from '@mt0/core/metrics';
import { OPEN_END } from '@mt0/core/qualifiers/policy';
import {
  annualized,
  change,
  compare,
  implied,
  index,
  METRIC_UNITS,
  type MetricUnit,
  prepost,
  rate,
  share,
} from '@mt0/core/registry';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { viewOf } from '../lib/data.js';
import { METRICS, runMetric } from '../lib/metrics.js';
import { echo, ProblemError } from '../lib/problem.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import { itemQuery, versionParam } from '../schemas.js';
import { errors, jsonOk, keysOf, metricErrors, notModified } from './common.js';

// --- query schemas from parameter descriptors ------------------------------------------------------

const integerMessage = (d: ParamDescriptor) =>
  `expected a whole number from ${d.min ?? 0} to ${d.max ?? 'any'}`;

function paramSchema(d: ParamDescriptor): z.ZodTypeAny {
  const doc = { description: d.description, ...(d.example !== undefined ? { example: d.example } : {}) };
  let s: z.ZodTypeAny;
  switch (d.kind) {
    case 'change-refs':
    case 'confidence':
      s = z.union([z.string(), z.array(z.string())]);
      return s
        .optional()
        .openapi({ ...doc, description: `${d.description} One or more, comma-separated or repeated.` });
    case 'enum':
      s = z.enum(d.values as [string, ...string[]]);
      break;
    case 'boolean':
      s = z.enum(['true', 'false']);
      break;
    case 'integer': {
      const msg = integerMessage(d);
      s = z.coerce
        .number({ error: msg })
        .int(msg)
        .min(d.min ?? Number.MIN_SAFE_INTEGER, msg)
        .max(d.max ?? Number.MAX_SAFE_INTEGER, msg);
      const example = d.example === undefined ? {} : { example: Number(d.example) };
      return (d.required ? s : s.optional()).openapi({ ...doc, ...example, type: 'integer' });
    }
    default:
      s = z.string();
  }
  return (d.required ? s : s.optional()).openapi(doc);
}

/** The zod query schema of a metric: its parameters, and `v` to pin a release. */
export const metricQuery = (unit: MetricUnit) => {
  // Typed as open string-keyed parameters: the names are data (the registry), not types.
  const shape = Object.fromEntries(unit.params.map((d) => [d.name, paramSchema(d)])) as Record<
    string,
    z.ZodOptional<z.ZodType<string | number | string[]>>
  >;
  // The catch-all only types the named parameters for the client: strictQuery has refused any other key.
  return z
    .object({ ...shape, v: versionParam })
    .catchall(z.union([z.string(), z.array(z.string()), z.number()]).optional());
};

// --- result schemas from result descriptors --------------------------------------------------------

/** An end of a result's interval: a number, or null where it is open (a change from "more than X"). */
const End = z.number().nullable().describe(OPEN_END);
const Bounds = z.object({ value: z.number(), low: End, high: End });

export const MetricInput = z
  .object({
    id: z.string(),
    kind: z.enum(['observation', 'change']),
    indicator: z.string(),
    geo: z.string(),
    period: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    value: z.number().describe('The value as stated (a percent for changes).'),
    low: End,
    high: End,
    qualifier: z.string(),
    unit: z.string(),
    source: z.string(),
    confidence: z.string(),
    periodStatus: z
      .string()
      .optional()
      .describe('partial (a year to date) or undated (the source gives no period).'),
  })
  .openapi('MetricInput');

const Warning = z
  .object({
    code: z.enum(['series_break', 'undated', 'partial_left_out', 'small_count']),
    message: z.string(),
    event: z.string().optional(),
    record: z.string().optional(),
  })
  .openapi('MetricWarning');

function fieldSchema(f: ResultField): z.ZodTypeAny {
  const types: Record<ResultField['type'], () => z.ZodTypeAny> = {
    number: () => z.number(),
    'nullable-number': () => z.number().nullable(),
    string: () => z.string(),
    'nullable-string': () => z.string().nullable(),
    strings: () => z.array(z.string()),
    interval: () => Bounds,
    quantity: () => Bounds.extend({ unit: z.string() }),
    object: () => z.record(z.string(), z.unknown()),
    objects: () => z.array(z.record(z.string(), z.unknown())),
  };
  const s = types[f.type]().describe(f.description);
  return f.optional ? s.optional() : s;
}

const title = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}Metric`;

function resultSchema(unit: MetricUnit) {
  const v = unit.nullableValue ? z.number().nullable() : z.number();
  return z
    .object({
      metric: z.string(),
      value: v,
      low: End,
      high: End,
      unit: z.string(),
      formula: z.string().describe('The formula with the input numbers substituted.'),
      inputs: z.array(MetricInput),
      confidence: z.enum(['A', 'B', 'C']).describe('The lowest grade among the inputs.'),
      warnings: z
        .array(Warning)
        .describe(
          'What the caller opted into — a series break crossed (allowBreak), an undated input (allowUndated) — and small counts: a rate or change over fewer than 20 cases (small_count), whose 95 % chance interval is wider than ±44 % (1.96/√n).',
        ),
      meta: z.object({ datasetVersion: z.string(), qualifierPolicy: z.string() }),
      ...(Object.fromEntries(unit.result.map((f) => [f.name, fieldSchema(f)])) as Record<
        string,
        z.ZodTypeAny
      >),
    })
    .catchall(z.unknown())
    .openapi(title(unit.name));
}

// --- the one route builder ----------------------------------------------------------------------------

/** The route of a metric unit: path, query schema, OpenAPI entry and the strict-query guard. */
const metricRoute = <N extends string>(name: N, unit: MetricUnit) => {
  const query = metricQuery(unit);
  return createRoute({
    method: 'get',
    path: `/metrics/${name}` as `/metrics/${N}`,
    operationId: `metric_${name}`,
    tags: ['metrics'],
    summary: unit.title,
    description: `${unit.summary} ${unit.description}`,
    middleware: [strictQuery(keysOf(query))] as const,
    request: { query },
    responses: {
      200: jsonOk(resultSchema(unit), `The ${name} metric with its inputs and formula.`),
      ...notModified,
      ...metricErrors,
    },
  });
};

/** The handler of a metric unit: the validated query to core, a refusal to a problem. */
const handler =
  (unit: MetricUnit) =>
  (c: {
    req: { valid: (t: 'query') => Record<string, unknown> };
    json: (b: unknown, s: 200) => Response;
  }) => {
    const q = c.req.valid('query');
    const query = Object.fromEntries(
      Object.entries(q).map(([k, v]) => [
        k,
        unit.params.find((p) => p.name === k)?.kind === 'boolean' ? v === 'true' : v,
      ]),
    );
    const d = viewOf(c as unknown as Context<AppEnv>);
    return c.json(runMetric(d, unit, query as Parameters<typeof runMetric>[2]), 200);
  };

const MetricList = z
  .object({
    data: z.array(z.object({ name: z.string(), href: z.string(), summary: z.string() })),
    meta: z.object({ datasetVersion: z.string() }),
  })
  .openapi('MetricList');

const indexRoute = createRoute({
  method: 'get',
  path: '/metrics',
  operationId: 'listMetrics',
  tags: ['metrics'],
  summary: 'Metrics',
  description: 'The metrics and what each computes.',
  middleware: [strictQuery(keysOf(itemQuery))] as const,
  request: { query: itemQuery },
  responses: { 200: jsonOk(MetricList, 'The metrics.'), ...notModified, ...errors },
});

/**
 * An unknown metric (`/v1/metrics/median`): a 404 listing the metrics, answered by the app's not-found
 * handler, since a documented path must have a 2xx and this one has none.
 */
export function unknownMetric(path: string): ProblemError | undefined {
  const m = /^\/v1\/metrics\/([^/]+)\/?$/.exec(path);
  if (!m?.[1]) return undefined;
  let name = m[1];
  try {
    name = decodeURIComponent(name);
  } catch {}
  return new ProblemError('not-found', `No metric ${echo(name)}. Metrics: ${METRICS.join(', ')}.`, {
    allowed: [...METRICS],
  });
}

// One line per metric keeps each path a literal type, so the typed client can name it.
export const metricRoutes = new OpenAPIHono<AppEnv>()
  .openapi(indexRoute, (c) =>
    c.json(
      {
        data: METRIC_UNITS.map((m) => ({ name: m.name, href: `/v1/metrics/${m.name}`, summary: m.summary })),
        meta: { datasetVersion: viewOf(c).meta.version },
      },
      200,
    ),
  )
  .openapi(metricRoute('change', change), handler(change))
  .openapi(metricRoute('annualized', annualized), handler(annualized))
  .openapi(metricRoute('implied', implied), handler(implied))
  .openapi(metricRoute('share', share), handler(share))
  .openapi(metricRoute('index', index), handler(index))
  .openapi(metricRoute('rate', rate), handler(rate))
  .openapi(metricRoute('prepost', prepost), handler(prepost))
  .openapi(metricRoute('compare', compare), handler(compare));
