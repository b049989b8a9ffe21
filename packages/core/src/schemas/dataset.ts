import { z } from 'zod';
import { correctionSchema } from '../releases/schema.js';
import { reportedChangeSchema } from './change.js';
import { geoEntrySchema } from './common.js';
import { eventSchema } from './event.js';
import { indicatorSchema } from './indicator.js';
import { observationSchema } from './observation.js';
import { sourceSchema } from './source.js';
import { statementSchema } from './statement.js';

export const datasetMetaSchema = z
  .object({
    name: z.string(),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a semantic version such as 1.2.0'),
    licence: z.string(),
    citation: z.string(),
    qualifierPolicy: z.string(),
    /** sha256 of the canonical JSON of every record, computed at build. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    builtFrom: z.string().describe('Folder the records were compiled from.'),
    releaseDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .describe(
        'Date of the kept release (releases/<version>.json) these records are, set by the build; absent for records not yet released.',
      ),
  })
  .strict();
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;

/**
 * Every record of the kit, as compiled into dist/dataset.json, with the corrections log. The content hash
 * covers the records (geos to events), not the meta or the log.
 */
export const datasetSchema = z
  .object({
    meta: datasetMetaSchema,
    geos: z.array(geoEntrySchema),
    sources: z.array(sourceSchema),
    indicators: z.array(indicatorSchema),
    observations: z.array(observationSchema),
    changes: z.array(reportedChangeSchema),
    statements: z.array(statementSchema),
    events: z.array(eventSchema),
    corrections: z
      .array(correctionSchema)
      .describe('The corrections log (data/corrections.yaml): published figures changed since, and why.'),
  })
  .strict();
export type Dataset = z.infer<typeof datasetSchema>;
