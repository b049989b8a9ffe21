import { z } from 'zod';
import { bilingualSchema, geoSchema, idSchema, languageSchema, looseDateSchema } from './common.js';

/** A dated fact that marks a series (programme launch) or breaks it (a reclassification). */
export const eventSchema = z
  .object({
    id: idSchema,
    date: looseDateSchema,
    kind: z.enum(['launch', 'rename', 'reclassification', 'training', 'award', 'other']),
    title: bilingualSchema,
    description: bilingualSchema,
    geo: z.array(geoSchema).min(1),
    breaksSeries: z
      .boolean()
      .describe(
        'True when values before and after are not comparable without care (a classification change).',
      ),
    indicators: z
      .array(idSchema)
      .describe('Indicators it marks or breaks; empty for a programme-wide event.'),
    source: idSchema,
    quote: z.string().min(1),
    lang: languageSchema,
    notes: z.string().optional(),
  })
  .strict();
export type Event = z.infer<typeof eventSchema>;
