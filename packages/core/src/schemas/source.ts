import { z } from 'zod';
import { idSchema, languageSchema, looseDateSchema } from './common.js';

/** A publication a figure was read in, or a body cited by one (`via` names the publication we read). */
export const sourceSchema = z
  .object({
    id: idSchema,
    publisher: z.string().min(1).describe('Who published it, or the originating body when `via` is set.'),
    title: z.string().min(1),
    url: z.url().optional().describe('Where to read it; absent only when the research could not find it.'),
    published: looseDateSchema.optional().describe('Publication date, as precise as known.'),
    language: languageSchema,
    licence: z.string().min(1).describe('What we may do with it (quote, reproduce).'),
    via: idSchema
      .optional()
      .describe('Id of the source through which this one is cited (PDI via InSight Crime).'),
    notes: z.string().optional(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;
