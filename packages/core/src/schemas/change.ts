import { z } from 'zod';
import { qualifierSchema } from '../qualifiers/schema.js';
import { confidenceSchema, geoSchema, idSchema, languageSchema } from './common.js';
import { derivedFromSchema, openEnd, withinEnds } from './interval.js';
import { periodSchema, periodStatusSchema } from './period.js';

/**
 * A relative change as a source publishes it (+150 % from 2020 to 2021). The levels behind it are
 * unknown and are never invented.
 */
export const reportedChangeSchema = z
  .object({
    id: z.string().describe('Stable id: indicator:geo:from/to:source.'),
    indicator: idSchema,
    geo: geoSchema,
    from: periodSchema,
    to: periodSchema,
    percent: z.number().finite().gt(-100, 'a fall cannot exceed −100 %'),
    qualifier: qualifierSchema,
    low: openEnd('low'),
    high: openEnd('high'),
    source: idSchema,
    quote: z.string().min(1),
    lang: languageSchema,
    confidence: confidenceSchema,
    quoteCheck: z.string().optional(),
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
  .refine((c) => withinEnds(c.low, c.percent, c.high), { message: 'expected low ≤ percent ≤ high' });
export type ReportedChange = z.infer<typeof reportedChangeSchema>;
