import { z } from 'zod';
import { qualifierSchema } from '../qualifiers/schema.js';
import { confidenceSchema, geoSchema, idSchema, languageSchema } from './common.js';
import { derivedFromSchema, openEnd, withinEnds } from './interval.js';
import { periodSchema, periodStatusSchema } from './period.js';

/**
 * A level: one indicator's value for one place and period, as a source states it.
 * `low`/`high` come from the qualifier policy at build, never typed by hand.
 */
export const observationSchema = z
  .object({
    id: z.string().describe('Stable id: indicator:geo:period:source.'),
    indicator: idSchema,
    geo: geoSchema,
    period: periodSchema,
    value: z.number().finite(),
    qualifier: qualifierSchema,
    low: openEnd('low'),
    high: openEnd('high'),
    source: idSchema,
    quote: z.string().min(1).describe('The words the figure came from, verbatim, in the original language.'),
    lang: languageSchema.describe('Language of the quote.'),
    confidence: confidenceSchema,
    quoteCheck: z
      .string()
      .optional()
      .describe('Why the quote need not contain the number as written (e.g. a value read from a table row).'),
    periodStatus: periodStatusSchema.optional(),
    forecast: z
      .literal(true)
      .optional()
      .describe(
        'The figure is a forecast or projection: its period may end after its source was published. Absent otherwise.',
      ),
    derivedFrom: derivedFromSchema,
    notes: z.string().optional(),
  })
  .strict()
  .refine((o) => withinEnds(o.low, o.value, o.high), { message: 'expected low ≤ value ≤ high' });
export type Observation = z.infer<typeof observationSchema>;
