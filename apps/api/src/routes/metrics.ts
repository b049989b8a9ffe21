// GET /v1/metrics and /v1/metrics/{name}: derived figures with their inputs (record ids and values) and
// the formula with the numbers substituted. The arithmetic is the core's; this file declares the
// routes and hands the validated query to src/lib/metrics.ts.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { meta } from '../lib/data.js';
import {
  annualizedMetric,
  changeMetric,
  compareMetric,
  impliedMetric,
  indexMetric,
  METRICS,
  prepostMetric,
  rateMetric,
  shareMetric,
} from '../lib/metrics.js';
import { echo, ProblemError } from '../lib/problem.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import {
  annualizedQuery,
  changeQuery,
  compareQuery,
  impliedQuery,
  indexQuery,
  itemQuery,
  MetricInput,
  metricResult,
  prepostQuery,
  rateQuery,
  shareQuery,
} from '../schemas.js';
import { errors, jsonOk, keysOf, metricErrors, notModified } from './common.js';

const Bounds = z.object({ value: z.number(), low: z.number(), high: z.number() });
const Side = z.object({ periods: z.array(z.string()), level: Bounds });

const ChangeResult = metricResult('ChangeMetric', {
  absolute: Bounds.extend({ unit: z.string() }).describe('to − from, in the indicator unit.'),
  years: z.number().nullable().describe('Years between the two periods.'),
});
const AnnualizedResult = metricResult('AnnualizedMetric', { years: z.number() });
const ImpliedResult = metricResult('ImpliedMetric', {
  period: z.string().optional().openapi({
    description: 'With level and change: the period of the implied level (the other end of the change).',
  }),
});
const ShareResult = metricResult('ShareMetric', {});
const IndexResult = metricResult('IndexMetric', {
  base: z.string(),
  at: z.string(),
  series: z.array(Bounds.extend({ period: z.string() })).describe('The whole series indexed to the base.'),
});
const RateResult = metricResult('RateMetric', {});
const PrePostResult = metricResult('PrePostMetric', {
  event: z.string(),
  aggregate: z.enum(['mean', 'total']),
  before: Side,
  after: Side,
  excluded: z.array(z.string()).describe('Periods containing the event: neither before nor after.'),
  absoluteChange: Bounds.extend({ unit: z.string() }),
  breaks: z.array(z.string()).describe('Series breaks crossed (only with allowBreak=true).'),
});
const CompareResult = z
  .object({
    metric: z.literal('compare'),
    value: z
      .number()
      .nullable()
      .describe('Slowest output annual rate minus fastest outcome annual rate; null when one side is empty.'),
    low: z.number().nullable(),
    high: z.number().nullable(),
    unit: z.string(),
    formula: z.string(),
    inputs: z.array(MetricInput),
    finding: z.enum(['outputs_faster', 'outcomes_faster', 'overlap', 'mixed', 'one_sided']),
    items: z.array(
      z.object({
        id: z.string(),
        role: z.enum(['output', 'outcome', 'context']),
        from: z.string(),
        to: z.string(),
        years: z.number(),
        total: Bounds,
        annualized: Bounds,
      }),
    ),
    sentence: z.object({ es: z.string(), en: z.string() }).describe('What the numbers show and cannot show.'),
    caveats: z.object({ es: z.array(z.string()), en: z.array(z.string()) }),
    text: z.string().describe('`sentence` in `lang`.'),
    lang: z.enum(['es', 'en']),
    meta: z.object({ datasetVersion: z.string(), qualifierPolicy: z.string() }),
  })
  .openapi('CompareMetric');

const metricRoute = <N extends string, Q extends z.ZodObject, R extends z.ZodTypeAny>(
  name: N,
  summary: string,
  description: string,
  query: Q,
  result: R,
) =>
  createRoute({
    method: 'get',
    path: `/metrics/${name}` as `/metrics/${N}`,
    operationId: `metric_${name}`,
    tags: ['metrics'],
    summary,
    description,
    middleware: [strictQuery(keysOf(query))] as const,
    request: { query },
    responses: {
      200: jsonOk(result, `The ${name} metric with its inputs and formula.`),
      ...notModified,
      ...metricErrors,
    },
  });

const MetricList = z
  .object({
    data: z.array(z.object({ name: z.string(), href: z.string(), summary: z.string() })),
    meta: z.object({ datasetVersion: z.string() }),
  })
  .openapi('MetricList');

const SUMMARIES: Record<(typeof METRICS)[number], string> = {
  change: 'Percent (and absolute) change between two levels of one indicator.',
  annualized: 'Compound annual rate of a reported change, or of the change between two levels.',
  implied:
    'The part of a total that a share stands for (hotline ≈ ⅓ of arrests), or the level at the other end of a reported change, as an interval.',
  share: 'The share of a total that a part makes (0–1).',
  index: 'A series indexed to a base period (= 100).',
  rate: 'A count per 100,000 inhabitants, with the INE population of the same geography and period.',
  prepost:
    'Level before an event against level after; refuses to straddle a series break unless allowBreak=true.',
  compare: 'Enforcement outputs against outcomes, each as an annual rate, with a sentence in es and en.',
};

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

export const metricRoutes = new OpenAPIHono<AppEnv>()
  .openapi(indexRoute, (c) =>
    c.json(
      {
        data: METRICS.map((name) => ({ name, href: `/v1/metrics/${name}`, summary: SUMMARIES[name] })),
        meta: { datasetVersion: meta.version },
      },
      200,
    ),
  )
  .openapi(
    metricRoute(
      'change',
      'Change between two levels',
      `${SUMMARIES.change} Example: /v1/metrics/change?from=cead.cases.drugs@2015&to=cead.cases.drugs@2019.`,
      changeQuery,
      ChangeResult,
    ),
    (c) => c.json(changeMetric(c.req.valid('query')), 200),
  )
  .openapi(
    metricRoute(
      'annualized',
      'Annualised (compound) rate',
      `${SUMMARIES.annualized} ((1 + p/100)^(1/years) − 1) × 100, so a one-year +150 % and a four-year +62 % are compared per year. Example: /v1/metrics/annualized?change=fiscalia.street_sales.`,
      annualizedQuery,
      AnnualizedResult,
    ),
    (c) => c.json(annualizedMetric(c.req.valid('query')), 200),
  )
  .openapi(
    metricRoute(
      'implied',
      'Implied part of a total, or implied level',
      `${SUMMARIES.implied} Examples: /v1/metrics/implied?share=mt0.arrests.hotline_share@2020/2021&total=mt0.arrests@2020 and /v1/metrics/implied?level=pdi.seizures.cocaine_hcl@2015&change=pdi.seizures.cocaine_hcl@2015/2016.`,
      impliedQuery,
      ImpliedResult,
    ),
    (c) => c.json(impliedMetric(c.req.valid('query')), 200),
  )
  .openapi(
    metricRoute(
      'share',
      'Share of a total',
      `${SUMMARIES.share} Example: /v1/metrics/share?part=cead.cases.microtrafficking@2019&total=cead.cases.drugs@2019.`,
      shareQuery,
      ShareResult,
    ),
    (c) => c.json(shareMetric(c.req.valid('query')), 200),
  )
  .openapi(
    metricRoute(
      'index',
      'Index to a base period',
      `${SUMMARIES.index} Example: /v1/metrics/index?indicator=cead.cases.drugs&base=2014&at=2019.`,
      indexQuery,
      IndexResult,
    ),
    (c) => c.json(indexMetric(c.req.valid('query')), 200),
  )
  .openapi(
    metricRoute(
      'rate',
      'Rate per 100,000 inhabitants',
      `${SUMMARIES.rate} Example: /v1/metrics/rate?count=cead.cases.drugs@2019&geo=13.`,
      rateQuery,
      RateResult,
    ),
    (c) => c.json(rateMetric(c.req.valid('query')), 200),
  )
  .openapi(
    metricRoute(
      'prepost',
      'Before and after an event',
      `${SUMMARIES.prepost} Example: /v1/metrics/prepost?indicator=cead.cases.drugs&event=mt0.launch&window=4.`,
      prepostQuery,
      PrePostResult,
    ),
    (c) => c.json(prepostMetric(c.req.valid('query')), 200),
  )
  .openapi(
    metricRoute(
      'compare',
      'Outputs against outcomes',
      `${SUMMARIES.compare} Defaults to the seed story (seizures against street-level sales and convictions).`,
      compareQuery,
      CompareResult,
    ),
    (c) => c.json(compareMetric(c.req.valid('query')), 200),
  );
