// zod schemas for periods; the pure helpers are in ../periods (re-exported here for convenience).
import { z } from 'zod';
import { PERIOD_STATUSES, POINT, parsePeriod } from '../periods/index.js';

export * from '../periods/index.js';

export const periodPointSchema = z
  .string()
  .regex(POINT, 'expected a year (2020) or a month (2020-03)')
  .describe('A year (2020) or a month (2020-03).');

export const periodSchema = z
  .string()
  .refine((s) => parsePeriod(s) !== undefined, {
    message: 'expected a year (2020), a month (2020-03) or a span (2015/2019)',
  })
  .describe('A year (2020), a month (2020-03) or a span of either (2015/2019).');

export type Period = z.infer<typeof periodSchema>;

export const periodStatusSchema = z
  .enum(PERIOD_STATUSES)
  .describe(
    'partial: the record covers only part of its stated period (a year to date, January–September filed under the year); undated: the source gives no period and the one filed is our reading. Metrics refuse both unless asked (allowUndated=true for undated records).',
  );
