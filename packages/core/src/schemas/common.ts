// Small shared pieces of the data model: ids, languages, grades, geography codes.
import { z } from 'zod';

export const languageSchema = z.enum(['es', 'en']).describe('Language of a text: es or en.');
export type Language = z.infer<typeof languageSchema>;

/** Text in both languages the kit publishes in. */
export const bilingualSchema = z.object({ es: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof bilingualSchema>;

export const confidenceSchema = z
  .enum(['A', 'B', 'C'])
  .describe(
    'A: primary source quoted. B: secondary source quoting the primary. C: unclear (kept, but excluded from charts and metrics unless asked).',
  );
export type Confidence = z.infer<typeof confidenceSchema>;

/** Lower-case dotted ids such as `mt0.arrests` or `insightcrime.2022.mt0`. */
export const idSchema = z
  .string()
  .regex(
    /^[a-z0-9]+([._-][a-z0-9]+)*$/,
    'expected a lower-case id of letters, digits, dots, dashes (mt0.arrests)',
  );

/**
 * `CL`, a region `CL-RM`, a comuna `CL-05101` (`CL-` + its 5-digit CUT code), or another country `AR`.
 * Checked against the geography table at build.
 */
export const geoSchema = z
  .string()
  .regex(
    /^[A-Z]{2}(-([A-Z]{2}|\d{5}))?$/,
    'expected CL, a region code such as CL-RM, a comuna code such as CL-05101, or a country code such as AR',
  )
  .describe(
    'CL for Chile; regions by ISO 3166-2 (CL-RM); comunas by CL- and their 5-digit CUT code (CL-05101); other countries by ISO 3166-1 alpha-2.',
  );
export type Geo = z.infer<typeof geoSchema>;

export const geoLevelSchema = z.enum(['country', 'region', 'comuna']);
export type GeoLevel = z.infer<typeof geoLevelSchema>;

export const geoEntrySchema = z.object({
  id: geoSchema,
  level: geoLevelSchema,
  /** CUT code of a Chilean region (5) or comuna (5101), accepted as an alias wherever a place is taken. */
  cut: z.number().int().positive().optional(),
  roman: z.string().optional(),
  /** The place this one lies in: a comuna's region, a region's country. */
  parent: geoSchema.optional(),
  name: bilingualSchema,
  /** Other spellings found in the sources (Coihaique for Coyhaique), matched by the place resolver. */
  variants: z.array(z.string().min(1)).optional(),
});
export type GeoEntry = z.infer<typeof geoEntrySchema>;

/** ISO date `2022-07-13`, month `2022-07` or year `2022`, as precise as the source is. */
export const looseDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected 2022, 2022-07 or 2022-07-13');
