// The zod schemas of the corrections log (data/corrections.yaml) and of a kept release's manifest
// (releases/<version>.json). A manifest's records are kept loosely typed on purpose: a published release
// must stay readable whatever later versions of the record schemas add, so its content hash is its proof.
import { z } from 'zod';

export const versionSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+$/, 'expected a semantic version such as 1.2.0')
  .describe('A dataset release, as data/dataset.yaml names it.');

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date such as 2026-12-01');

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const fieldValue = z.union([scalar, z.array(scalar)]);

/** One corrected field of one record (or a withdrawn record), old → new. */
export const correctedRecordSchema = z
  .object({
    id: z.string().min(1).describe('The record id in the release before the correction.'),
    field: z
      .string()
      .regex(/^[a-zA-Z]+$/, 'expected a field name such as value, qualifier, period or confidence')
      .optional()
      .describe('The field corrected; absent when the whole record is withdrawn.'),
    old: fieldValue.optional().describe('Its value in the release before (null: the field was absent).'),
    new: fieldValue.optional().describe('Its value in the correcting release (null: the field is removed).'),
    newId: z
      .string()
      .min(1)
      .optional()
      .describe('The record id after the correction, when the correction changes it (a period, a place).'),
  })
  .strict()
  .refine((r) => (r.field === undefined ? r.old === undefined && r.new === undefined : r.new !== undefined), {
    message: 'give field with old and new, or no field (and no old/new) for a withdrawn record',
  });
export type CorrectedRecord = z.infer<typeof correctedRecordSchema>;

/** An entry of the corrections log: what a release changed in figures already published, and why. */
export const correctionSchema = z
  .object({
    date: isoDateSchema.describe('When the correction was made.'),
    release: versionSchema.describe('The release that carries the correction.'),
    records: z.array(correctedRecordSchema).min(1),
    why: z.string().min(1).describe('What was wrong and where the right figure comes from.'),
  })
  .strict();
export type Correction = z.infer<typeof correctionSchema>;

/** The record collections of a dataset, in the order the compiled dataset lists them. */
export const COLLECTIONS = [
  'geos',
  'sources',
  'indicators',
  'observations',
  'changes',
  'statements',
  'events',
] as const;
export type Collection = (typeof COLLECTIONS)[number];

const keptRecord = z.looseObject({ id: z.string() });
export type KeptRecord = z.infer<typeof keptRecord>;

/** Every record of a release, collection by collection, in the dataset's order. */
export const releaseRecordsSchema = z.object(
  Object.fromEntries(COLLECTIONS.map((c) => [c, z.array(keptRecord)])) as Record<
    Collection,
    z.ZodArray<typeof keptRecord>
  >,
);
export type ReleaseRecords = z.infer<typeof releaseRecordsSchema>;

/**
 * How one collection changed from the previous release: ids removed, records changed (in place), records
 * added after the id that precedes them (null: first), and, only when kept records were reordered, the
 * full order of ids.
 */
export const collectionDiffSchema = z
  .object({
    removed: z.array(z.string()).optional(),
    changed: z.array(keptRecord).optional(),
    added: z.array(z.object({ after: z.string().nullable(), record: keptRecord }).strict()).optional(),
    order: z.array(z.string()).optional(),
  })
  .strict();
export type CollectionDiff = z.infer<typeof collectionDiffSchema>;

export const releaseDiffSchema = z
  .object(
    Object.fromEntries(COLLECTIONS.map((c) => [c, collectionDiffSchema.optional()])) as Record<
      Collection,
      z.ZodOptional<typeof collectionDiffSchema>
    >,
  )
  .strict();
export type ReleaseDiff = z.infer<typeof releaseDiffSchema>;

/** The identity of a release that is not a record: name, licence, citation, qualifier policy. */
export const releaseMetaSchema = z
  .object({ name: z.string(), licence: z.string(), citation: z.string(), qualifierPolicy: z.string() })
  .strict();

/** releases/<version>.json: one published release, kept forever. */
export const releaseManifestSchema = z
  .object({
    version: versionSchema,
    date: isoDateSchema.describe('Publication date of the release.'),
    summary: z.string().min(1).describe('One line on what the release holds or changed.'),
    previous: versionSchema.nullable().describe('The release this one is a diff from (null: the first).'),
    contentHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('sha256 of the canonical JSON of the records: the check of every rebuild.'),
    meta: releaseMetaSchema,
    counts: z.object(
      Object.fromEntries(COLLECTIONS.map((c) => [c, z.number().int().nonnegative()])) as Record<
        Collection,
        z.ZodNumber
      >,
    ),
    corrections: z.array(correctionSchema).describe('The corrections this release carries.'),
    records: releaseRecordsSchema.optional().describe('Every record (the first release).'),
    diff: releaseDiffSchema.optional().describe('What changed from the previous release (later releases).'),
  })
  .strict()
  .refine((m) => (m.records === undefined) !== (m.diff === undefined), {
    message: 'a release keeps either its records (the first) or a diff from the previous one',
  })
  .refine((m) => (m.previous === null) === (m.records !== undefined), {
    message: 'the first release (previous: null) keeps its records; later ones keep a diff',
  });
export type ReleaseManifest = z.infer<typeof releaseManifestSchema>;
