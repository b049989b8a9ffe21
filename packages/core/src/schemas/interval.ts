// The interval of a record: its low and high ends, each a number or null for an open end.
import { z } from 'zod';
import { OPEN_END } from '../qualifiers/policy.js';

/**
 * One end of a record's interval, from the qualifier policy at build: a number, or `null` where the end
 * is open ("more than X" has no upper bound; JSON has no Infinity).
 */
export const openEnd = (end: 'low' | 'high') =>
  z
    .number()
    .finite()
    .nullable()
    .describe(
      `${end === 'low' ? 'Lower' : 'Upper'} end of the interval the qualifier policy gives the figure. ${OPEN_END}`,
    );

/**
 * `low ≤ value ≤ high`, an open (null) end bounding nothing.
 * @example withinEnds(40, 40, null) // true
 */
export const withinEnds = (low: number | null, value: number, high: number | null): boolean =>
  (low === null || low <= value) && (high === null || value <= high);

/** The record a figure was converted from in the same words; it inherits that record's interval. */
export const derivedFromSchema = z
  .string()
  .min(1)
  .optional()
  .describe(
    'The id of the record this figure was converted from in the same words ("casi 300.000 plantas, equivalentes a 162 millones de dosis"): it inherits that record\'s interval in proportion (qualifier policy 1.3).',
  );
