// datapackage.json (Frictionless Data Package v2) for a release: one tabular resource per CSV, with
// table schemas made from the zod schemas, primary and foreign keys, the licence, the sources and the
// version. Written at build beside the download CSVs; served by the API at /v1/datapackage.json.
import { compareVersions } from '../releases/manifest.js';
import type { DatasetMeta } from '../schemas/dataset.js';
import type { Source } from '../schemas/source.js';
import { fieldsFor, type TableField } from './fields.js';
import { type ForeignKey, TABLES } from './resources.js';

/** A CSV of the release as the build wrote it. */
export interface PackageFile {
  /** `observations.csv`. */
  name: string;
  /** Its header row's column names. */
  header: readonly string[];
  bytes: number;
  sha256: string;
}

export interface TableResource {
  name: string;
  type: 'table';
  path: string;
  title: string;
  description: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  bytes: number;
  hash: string;
  dialect: { header: true; delimiter: ','; lineTerminator: '\r\n' };
  schema: {
    fields: TableField[];
    primaryKey: string[];
    foreignKeys: ForeignKey[];
    missingValues: string[];
  };
}

export interface DataPackage {
  $schema: string;
  name: string;
  title: string;
  description: string;
  version: string;
  homepage?: string;
  keywords: string[];
  licenses: { name: string; path: string; title: string }[];
  contributors: { title: string; roles: string[] }[];
  sources: { title: string; path?: string }[];
  resources: TableResource[];
  /** Kit-specific: the content hash of the records and the qualifier policy version. */
  mt0: { contentHash: string; qualifierPolicy: string; citation: string; licenceNote: string };
}

/**
 * A field as a release's rows fill it: a column required only `since` a later release is optional in
 * an earlier one (its records were written before the schema asked for it).
 * @example requiredIn('0.1.0', { name: 'a', type: 'string', constraints: { required: true } }, '0.2.0') // { name: 'a', type: 'string' }
 */
export function requiredIn(version: string, field: TableField, since: string | undefined): TableField {
  if (!since || compareVersions(version, since) >= 0 || !field.constraints?.required) return field;
  const { required: _, ...rest } = field.constraints;
  const { constraints: __, ...bare } = field;
  return Object.keys(rest).length ? { ...bare, constraints: rest } : bare;
}

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/**
 * The data package of a release from its meta, its sources and the CSVs the build wrote. Throws when a
 * table's CSV is missing, or holds a column its schema does not describe.
 * @example dataPackage(dataset.meta, [], ['observations', 'changes', 'indicators', 'sources', 'statements', 'events', 'places'].map((t) => ({ name: `${t}.csv`, header: ['id'], bytes: 0, sha256: '' }))).resources[3].schema.fields
 * // [{ name: 'id', type: 'string', constraints: { required: true, pattern: '^[a-z0-9]+([._-][a-z0-9]+)*$', unique: true } }]
 */
export function dataPackage(
  meta: DatasetMeta,
  sources: readonly Source[],
  files: readonly PackageFile[],
): DataPackage {
  const byName = new Map(files.map((f) => [f.name, f]));
  const resources = TABLES.map((t): TableResource => {
    const file = byName.get(`${t.name}.csv`);
    if (!file) throw new Error(`data package: ${t.name}.csv was not written`);
    const fields = fieldsFor(t.name, file.header, t.schema, t.extra).map((f) =>
      requiredIn(meta.version, f, t.requiredSince?.[f.name]),
    );
    const id = fields.find((f) => f.name === 'id');
    if (id) id.constraints = { ...id.constraints, required: true, unique: true };
    const present = new Set(file.header);
    return {
      name: t.name,
      type: 'table',
      path: file.name,
      title: t.title,
      description: t.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: file.bytes,
      hash: `sha256:${file.sha256}`,
      dialect: { header: true, delimiter: ',', lineTerminator: '\r\n' },
      schema: {
        fields,
        primaryKey: ['id'],
        // A key on a column the CSV does not carry would be a broken promise: only present ones.
        foreignKeys: t.foreignKeys.filter((k) => k.fields.every((f) => present.has(f))),
        missingValues: [''],
      },
    };
  });
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: 'mt0-data-kit',
    title: meta.name,
    description:
      "Sourced statistics on Chile's Microtráfico Cero (MT-0) programme and drug enforcement: every figure with its source and the verbatim words it came from, the interval its qualifier gives it, and its confidence grade.",
    version: meta.version,
    keywords: ['Chile', 'drugs', 'microtráfico', 'police', 'PDI', 'CEAD', 'statistics'],
    licenses: [
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title: 'Creative Commons Attribution 4.0 (the compilation; each record keeps its source’s terms)',
      },
    ],
    contributors: [{ title: 'MT-0 Data Kit contributors', roles: ['creator'] }],
    sources: [...sources]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((s) => ({ title: `${s.publisher}: ${s.title}`, ...(s.url ? { path: s.url } : {}) })),
    resources,
    mt0: {
      contentHash: meta.contentHash,
      qualifierPolicy: meta.qualifierPolicy,
      citation: meta.citation,
      licenceNote: meta.licence,
    },
  };
}
