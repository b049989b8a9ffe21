// The release's data package as the build wrote it (dist/downloads/): the descriptor validates against
// the official Frictionless Data Package v2 profile (vendored with its licence), describes every file by
// size and sha256, and every CSV reads back through its table schema: types, constraints, the primary
// key and the foreign keys between the tables.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { DataPackage } from '../src/datapackage/package.js';
import { readPackage } from '../src/datapackage/read.js';
import { loadDataset } from '../src/loader/load.js';
import type { Dataset } from '../src/schemas/index.js';
import { DATA_DIR, DIST_DIR } from './paths.js';

const dir = join(DIST_DIR, 'downloads');
const text = (name: string) => readFileSync(join(dir, name), 'utf8');
const pkg = JSON.parse(text('datapackage.json')) as DataPackage;
const dataset = loadDataset(DATA_DIR).dataset as Dataset;
const profile = JSON.parse(
  readFileSync(
    new URL('../src/datapackage/fixtures/frictionless-v2/datapackage.json', import.meta.url),
    'utf8',
  ),
);

describe('the data package the build wrote', () => {
  it('validates against the official Data Package v2 profile', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(profile);
    expect(validate(pkg), ajv.errorsText(validate.errors)).toBe(true);
    expect(pkg.version).toBe(dataset.meta.version);
  });

  it('describes every CSV of the release by its size and sha256', () => {
    expect(pkg.resources.map((r) => r.path)).toEqual([
      'observations.csv',
      'changes.csv',
      'indicators.csv',
      'sources.csv',
      'statements.csv',
      'events.csv',
      'places.csv',
    ]);
    for (const r of pkg.resources) {
      const bytes = readFileSync(join(dir, r.path));
      expect([r.bytes, r.hash], r.path).toEqual([
        bytes.length,
        `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      ]);
    }
  });

  it('reads every CSV back through its table schema, keys included, without a problem', () => {
    const { tables, problems } = readPackage(pkg, text);
    expect(problems).toEqual([]);
    expect(tables.get('observations')?.length).toBe(dataset.observations.length);
    expect(tables.get('places')?.length).toBe(dataset.geos.length);
    // Typed on the way back: a CUT code is an integer, a value a number.
    const valparaiso = tables.get('places')?.find((p) => p.id === 'CL-VS');
    expect(valparaiso?.cut).toBe(5);
    expect(typeof tables.get('observations')?.[0]?.value).toBe('number');
  });

  it('would catch a row that names no place and a value that is not a number', () => {
    const obs = text('observations.csv');
    const [header, first] = obs.split('\r\n');
    const cells = (first ?? '').split(',');
    const geo = (header ?? '').split(',').indexOf('geo');
    const value = (header ?? '').split(',').indexOf('value');
    cells[geo] = 'CL-XX';
    cells[value] = 'lots';
    const broken = `${header}\r\n${cells.join(',')}\r\n`;
    const { problems } = readPackage(pkg, (p) => (p === 'observations.csv' ? broken : text(p)));
    expect(problems.some((p) => p.includes('value') && p.includes('"lots" is not a number'))).toBe(true);
    expect(problems.some((p) => p.includes('geo = CL-XX names no row of places'))).toBe(true);
  });
});
