import { z } from 'zod';
import { bilingualSchema, idSchema } from './common.js';

export const unitSchema = z
  .enum(['count', 'persons', 'kg', 'tonnes', 'grams', 'percent', 'share', 'clp', 'operations', 'teams'])
  .describe('count, persons, operations and teams are whole numbers; percent is 0–100; share is 0–1.');
export type Unit = z.infer<typeof unitSchema>;

/** Units whose values must be whole numbers (a validation rule catches "2.681" typed for 2,681). */
export const WHOLE_UNITS: ReadonlySet<Unit> = new Set(['count', 'persons', 'operations', 'teams']);

export const roleSchema = z
  .enum(['output', 'outcome', 'context'])
  .describe(
    'output: enforcement activity (seizures, arrests); outcome: market, harm, justice (sales, convictions, use); context: population, budget.',
  );
export type Role = z.infer<typeof roleSchema>;

export const indicatorSchema = z
  .object({
    id: idSchema,
    name: bilingualSchema,
    description: bilingualSchema,
    unit: unitSchema,
    unitShort: bilingualSchema.describe('Short unit label (detenciones / arrests, kg, %).'),
    role: roleSchema,
    notes: z.string().optional(),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;
