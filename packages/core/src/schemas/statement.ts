import { z } from 'zod';
import { idSchema, languageSchema, looseDateSchema } from './common.js';

/** Who said what, when, set against the records it can be checked with. */
export const statementSchema = z
  .object({
    id: idSchema,
    who: z
      .object({ name: z.string().min(1), role: z.string().min(1), organisation: z.string().min(1) })
      .strict(),
    date: looseDateSchema.describe('When it was said or published, as precise as known.'),
    claim: z.string().min(1).describe('The claim in its own words, as published.'),
    lang: languageSchema,
    source: idSchema,
    indicators: z.array(idSchema).min(1),
    evidence: z.array(z.string()).describe('Ids of observations or changes the claim is set against.'),
    notes: z.string().optional(),
  })
  .strict();
export type Statement = z.infer<typeof statementSchema>;
