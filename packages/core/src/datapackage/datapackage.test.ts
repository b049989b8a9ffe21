import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { confidenceSchema, idSchema } from '../schemas/common.js';
import { observationSchema } from '../schemas/observation.js';
import { sourceSchema } from '../schemas/source.js';
import { dataset } from '../test-utils/dataset.js';
import { columnSchema, fieldFromZod, fieldsFor } from './fields.js';
import { dataPackage, type PackageFile } from './package.js';
import { readPackage, readTable } from './read.js';
import { TABLES } from './resources.js';

const profile = JSON.parse(
  readFileSync(new URL('./fixtures/frictionless-v2/datapackage.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(profile);

// Synthetic headers: the real ones come from the build's CSVs (see scripts/datapackage.test.ts).
const HEADERS: Record<string, string[]> = {
  observations: [
    'id',
    'indicator',
    'geo',
    'period',
    'value',
    'qualifier',
    'low',
    'high',
    'source',
    'confidence',
    'quote',
    'lang',
    'quote_check',
    'period_status',
    'forecast',
    'notes',
  ],
  changes: [
    'id',
    'indicator',
    'geo',
    'from',
    'to',
    'percent',
    'qualifier',
    'low',
    'high',
    'source',
    'confidence',
    'quote',
    'lang',
    'notes',
  ],
  indicators: [
    'id',
    'name_es',
    'name_en',
    'unit',
    'unit_short_es',
    'role',
    'share_of',
    'part_of',
    'counted_by',
    'geos',
    'periods',
    'observations',
    'changes',
    'notes',
  ],
  sources: ['id', 'publisher', 'title', 'url', 'published', 'language', 'licence', 'via', 'records', 'notes'],
  statements: [
    'id',
    'who_name',
    'who_role',
    'who_organisation',
    'date',
    'claim',
    'lang',
    'source',
    'indicators',
    'evidence',
    'notes',
  ],
  events: [
    'id',
    'date',
    'kind',
    'title_es',
    'title_en',
    'geo',
    'breaks_series',
    'indicators',
    'source',
    'quote',
    'lang',
    'notes',
  ],
  places: ['id', 'level', 'cut', 'roman', 'parent', 'name_es', 'name_en', 'variants'],
};
const files: PackageFile[] = TABLES.map((t) => ({
  name: `${t.name}.csv`,
  header: HEADERS[t.name] ?? [],
  bytes: 1,
  sha256: '0'.repeat(64),
}));

describe('table schema fields from the zod schemas', () => {
  it('finds a nested field by its snake_case column name', () => {
    expect(columnSchema(sourceSchema, 'published')).toBeDefined();
    expect(columnSchema(observationSchema, 'quote_check')).toBeDefined();
    expect(columnSchema(observationSchema, 'quote_checks')).toBeUndefined();
  });

  it('turns an enum into a required string with its values', () => {
    expect(fieldFromZod('confidence', confidenceSchema)).toMatchObject({
      name: 'confidence',
      type: 'string',
      constraints: { required: true, enum: ['A', 'B', 'C'] },
    });
  });

  it('keeps the pattern of an id and leaves optional fields not required', () => {
    expect(fieldFromZod('via', idSchema.optional())).toEqual({
      name: 'via',
      type: 'string',
      constraints: { pattern: '^[a-z0-9]+([._-][a-z0-9]+)*$' },
    });
  });

  it('reads a percent change as a number above −100 (a fall cannot exceed −100 %)', () => {
    const [, , , , , percent] = fieldsFor('changes', HEADERS.changes ?? [], TABLES[1]?.schema ?? idSchema);
    expect(percent).toMatchObject({
      name: 'percent',
      type: 'number',
      constraints: { exclusiveMinimum: -100 },
    });
  });

  it('refuses a column that is neither a schema field nor described', () => {
    expect(() => fieldsFor('sources', ['id', 'publisherz'], sourceSchema)).toThrow(
      'sources.csv: column "publisherz" is neither a field of its schema nor described by the data package',
    );
  });
});

describe('the data package descriptor', () => {
  const pkg = dataPackage(dataset.meta, dataset.sources, files);

  it('validates against the official Data Package v2 profile', () => {
    const ok = validate(JSON.parse(JSON.stringify(pkg)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('lists the seven tables with id as primary key and the release version', () => {
    expect(pkg.resources.map((r) => r.name)).toEqual([
      'observations',
      'changes',
      'indicators',
      'sources',
      'statements',
      'events',
      'places',
    ]);
    expect(pkg.version).toBe(dataset.meta.version);
    expect(pkg.resources.every((r) => r.schema.primaryKey.join() === 'id')).toBe(true);
  });

  it('links observations to indicators, places and sources, and sources to the source they came via', () => {
    const obs = pkg.resources.find((r) => r.name === 'observations');
    expect(obs?.schema.foreignKeys.map((k) => `${k.fields[0]}→${k.reference.resource}`)).toEqual([
      'indicator→indicators',
      'geo→places',
      'source→sources',
    ]);
    const src = pkg.resources.find((r) => r.name === 'sources');
    expect(src?.schema.foreignKeys).toEqual([{ fields: ['via'], reference: { fields: ['id'] } }]);
  });

  it('requires a column only in the releases whose records had it: role reasons from 0.2.0 on', () => {
    const withReason = files.map((f) =>
      f.name === 'indicators.csv' ? { ...f, header: [...f.header, 'role_reason_es'] } : f,
    );
    const reason = (version: string) =>
      dataPackage({ ...dataset.meta, version }, dataset.sources, withReason)
        .resources.find((r) => r.name === 'indicators')
        ?.schema.fields.find((f) => f.name === 'role_reason_es')?.constraints?.required;
    expect([reason('0.1.0'), reason('0.2.0'), reason('0.10.0')]).toEqual([undefined, true, true]);
  });

  it('is refused by the profile when a resource has no path or data', () => {
    const broken = JSON.parse(JSON.stringify(pkg));
    delete broken.resources[0].path;
    expect(validate(broken)).toBe(false);
  });
});

describe('reading a CSV through its table schema', () => {
  const pkg = dataPackage(dataset.meta, dataset.sources, files);
  const sources = pkg.resources.find((r) => r.name === 'sources');
  if (!sources) throw new Error('no sources resource');
  const header = `${HEADERS.sources?.join(',')}\r\n`;

  it('casts each cell to its type', () => {
    const t = readTable(sources, `${header}a.b,P,T,https://x.example/a,2022-07,es,L,,3,\r\n`);
    expect(t.problems).toEqual([]);
    expect(t.rows[0]).toMatchObject({ id: 'a.b', records: 3, via: null, published: '2022-07' });
  });

  it('names the line and column of every cell that breaks a constraint, and a repeated key', () => {
    const t = readTable(
      sources,
      `${header}A B,P,T,not a url,2022-13,fr,L,,-1,\r\nA B,P,T,,2022,es,L,,x,\r\n`,
    );
    expect(t.problems).toEqual([
      'sources.csv:2: id: "A B" does not match ^[a-z0-9]+([._-][a-z0-9]+)*$',
      'sources.csv:2: url: "not a url" is not a URI',
      'sources.csv:2: published: "2022-13" does not match ^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
      'sources.csv:2: language: "fr" is not one of es, en',
      'sources.csv:2: records: -1 < minimum 0',
      'sources.csv:3: id: "A B" does not match ^[a-z0-9]+([._-][a-z0-9]+)*$',
      'sources.csv:3: records: "x" is not an integer',
      'sources.csv:3: primary key A B repeats line 2',
    ]);
  });

  it('checks a foreign key against the table it names', () => {
    const one = { ...pkg, resources: [sources] };
    const { problems } = readPackage(one, () => `${header}a,P,T,,,es,L,b,0,\r\n`);
    expect(problems).toEqual(['sources.csv: row 1: via = b names no row of sources']);
  });
});
