// /v1/datapackage.json: the release as a Frictionless Data Package, its resources the pinned downloads.
// Checked as a Frictionless tool would use it over HTTP: the served bytes against the official Data
// Package v2 profile, every resource path fetched from the same server, and every CSV read back through
// its table schema (types, constraints, primary and foreign keys).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type DataPackage, readPackage } from '@mt0/core/datapackage';
import { dataset } from '@mt0/core/dataset';
import { OPEN_ENDS_SINCE, policyAtLeast } from '@mt0/core/qualifiers/policy';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { app } from '../app.js';
import { keptVersions } from '../lib/releases.js';
import { diskStore } from '../server/downloads.js';
import { diskReleases } from '../server/releases.js';

const env = { DOWNLOADS: diskStore(), RELEASES: diskReleases(), MT0_CACHE_MB: '0' };
const get = (path: string) => app.request(path, {}, env);

/** The official profile core vendors (with its licence), through the workspace link under this package. */
const PROFILE = new URL(
  '../../node_modules/@mt0/core/src/datapackage/fixtures/frictionless-v2/datapackage.json',
  import.meta.url,
);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(PROFILE, 'utf8')));

const RESOURCES = ['observations', 'changes', 'indicators', 'sources', 'statements', 'events', 'places'];

/** A resource's path resolved against the descriptor's URL, as a client resolves a relative path. */
const resolve = (path: string, base: string) => {
  const url = new URL(path, `http://kit.example${base}`);
  return url.pathname + url.search;
};

/** The descriptor at a URL, and the text of each resource fetched from its path on the same server. */
async function served(url: string) {
  const res = await get(url);
  expect(res.status).toBe(200);
  const pkg = JSON.parse(await res.text()) as DataPackage;
  const texts = new Map<string, string>();
  for (const r of pkg.resources) {
    const file = await get(resolve(r.path, url));
    expect(file.status, r.path).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    // The size and sha256 the descriptor gives are the bytes the path sends.
    expect([bytes.length, `sha256:${createHash('sha256').update(bytes).digest('hex')}`], r.path).toEqual([
      r.bytes,
      r.hash,
    ]);
    texts.set(r.path, bytes.toString('utf8'));
  }
  return { res, pkg, texts };
}

describe('GET /v1/datapackage.json', () => {
  it.each([undefined, ...keptVersions])(
    'for release %s validates against the official v2 profile and reads back through its table schemas',
    async (v) => {
      const version = v ?? dataset.meta.version;
      const url = `/v1/datapackage.json${v ? `?v=${v}` : ''}`;
      const { res, pkg, texts } = await served(url);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(validate(pkg), ajv.errorsText(validate.errors)).toBe(true);
      expect(pkg.version).toBe(version);
      expect(pkg.resources.map((r) => [r.name, r.path])).toEqual(
        RESOURCES.map((name) => [name, `downloads/${name}.csv?v=${version}`]),
      );
      const { tables, problems } = readPackage(pkg, (path) => texts.get(path) ?? '');
      expect(problems).toEqual([]);
      // The release's own records, every grade: as many rows as its /v1/releases entry counts.
      const releases = (await (await get('/v1/releases')).json()) as {
        data: { version: string; counts: Record<string, number> }[];
      };
      const counts = releases.data.find((r) => r.version === version)?.counts ?? {};
      for (const name of ['observations', 'changes', 'statements', 'events'])
        expect(tables.get(name)?.length, name).toBe(counts[name]);
    },
  );

  it.each(keptVersions)(
    'describes exactly the columns release %s wrote: open_end from qualifier policy 1.2.0 on',
    async (v) => {
      const { pkg, texts } = await served(`/v1/datapackage.json?v=${v}`);
      const withOpenEnds = policyAtLeast(pkg.mt0.qualifierPolicy, OPEN_ENDS_SINCE);
      for (const r of pkg.resources) {
        const header = (texts.get(r.path) ?? '').split('\r\n')[0];
        expect(r.schema.fields.map((f) => f.name).join(','), r.path).toBe(header);
        const openEnd = r.schema.fields.find((f) => f.name === 'open_end');
        if (r.name === 'observations' || r.name === 'changes') {
          expect(openEnd !== undefined, `${v} ${r.name} open_end`).toBe(withOpenEnds);
          if (openEnd) expect(openEnd.constraints?.enum).toEqual(['high', 'low']);
          // An open end is an empty high cell: the field may be empty, never required.
          expect(r.schema.fields.find((f) => f.name === 'high')?.constraints?.required).toBeFalsy();
        }
        expect(r.schema.primaryKey).toEqual(['id']);
      }
    },
  );

  it('types the columns and keys a reader joins on: numbers, enums, and every table a foreign key names', async () => {
    const { pkg } = await served('/v1/datapackage.json');
    const obs = pkg.resources.find((r) => r.name === 'observations');
    const field = (name: string) => obs?.schema.fields.find((f) => f.name === name);
    expect([field('value')?.type, field('low')?.type, field('high')?.type]).toEqual([
      'number',
      'number',
      'number',
    ]);
    expect(field('confidence')?.constraints?.enum).toEqual(['A', 'B', 'C']);
    expect(obs?.schema.foreignKeys).toEqual([
      { fields: ['indicator'], reference: { resource: 'indicators', fields: ['id'] } },
      { fields: ['geo'], reference: { resource: 'places', fields: ['id'] } },
      { fields: ['source'], reference: { resource: 'sources', fields: ['id'] } },
    ]);
    const names = new Set(pkg.resources.map((r) => r.name));
    for (const r of pkg.resources)
      for (const k of r.schema.foreignKeys) expect(names.has(k.reference.resource ?? r.name)).toBe(true);
  });

  it('is immutable when pinned, revalidated when not, and refuses an unknown parameter by name', async () => {
    expect((await get(`/v1/datapackage.json?v=${keptVersions[0]}`)).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get('/v1/datapackage.json')).headers.get('cache-control')).toMatch(/^public, max-age=3600/);
    const bad = await get('/v1/datapackage.json?version=0.1.0');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(await bad.text()).toContain('version');
    expect((await get('/v1/datapackage.json?v=9.9.9')).status).toBe(404);
  });

  it('is listed with places.csv among the downloads, and linked from the index', async () => {
    const list = (await (await get('/v1/downloads')).json()) as { data: { name: string }[] };
    expect(list.data.map((d) => d.name)).toEqual(expect.arrayContaining(['places.csv', 'datapackage.json']));
    const index = (await (await get('/v1')).json()) as { links: Record<string, string> };
    expect(index.links.datapackage).toBe('/v1/datapackage.json');
    expect(index.links['downloads.places']).toBe('/v1/downloads/places.csv');
  });
});
