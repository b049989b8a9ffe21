import { z } from 'zod';
import { UNITS, type Unit } from '../units/index.js';
import { bilingualSchema, geoSchema, idSchema } from './common.js';

export type { Unit };

export const unitSchema = z
  .enum(UNITS)
  .describe(
    'count, persons, operations and teams are whole numbers; percent is 0–100; share is 0–1. Each unit has a dimension (src/units): people or events counted, mass, money or proportion.',
  );

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
    roleReason: bilingualSchema.describe(
      'Why the indicator has its role: what it counts and why that is enforcement activity, an outcome or context.',
    ),
    shareOf: idSchema
      .optional()
      .describe(
        'For a percent or share: the indicator it is a share of (the hotline share is a share of mt0.arrests). Absent when the data holds no such total.',
      ),
    shareOfGeo: geoSchema
      .optional()
      .describe(
        'For a share of a total in another place (a region’s share of the national total): that place.',
      ),
    partOf: idSchema
      .optional()
      .describe(
        'The indicator this one is a subset of, in the same unit (a CEAD subgroup is part of its family).',
      ),
    countedBy: z
      .enum(['police', 'justice'])
      .optional()
      .describe(
        'The figure counts cases recorded by the police or the justice system, so it moves with enforcement effort as well as with what it is named after.',
      ),
    notes: z.string().optional(),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;
