// /v1/downloads: the release's whole tables as files, precompressed, immutable per release.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { dataset } from '@mt0/core/dataset';
import { releaseFiles } from '@mt0/core/release-files';
import { openStore } from '@mt0/store';
import { WHOLE_TABLE_CSV } from '@mt0/store/rows';
import { describe, expect, it } from 'vitest';
import { strictCsv } from '../../test-support/property.js';
import { app } from '../app.js';
import { coreDownloads } from '../lib/downloads.js';
import { rebuiltDataset } from '../lib/releases.js';
import { CORE_DOWNLOADS, diskStore, STORE_DOWNLOADS } from '../server/downloads.js';
import { diskReleases } from '../server/releases.js';

const env = { DOWNLOADS: diskStore(), RELEASES: diskReleases(), MT0_CACHE_MB: '0' };
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  app.request(path, { method, headers }, env);
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('GET /v1/downloads', () => {
  it('lists every file of the release with its size and hash, and the index links to it', async () => {
    const res = await get('/v1/downloads');
    const body = (await res.json()) as {
      data: { name: string; href: string; bytes: number; sha256: string }[];
    };
    expect(body.data.map((d) => d.name)).toEqual([
      'indicators.csv',
      'sources.csv',
      'observations.csv',
      'changes.csv',
      'statements.csv',
      'events.csv',
      'places.csv',
      'datapackage.json',
      'cead-comuna-month.arrow',
      'cead-comuna-month.csv.gz',
    ]);
    const obs = body.data.find((d) => d.name === 'observations.csv');
    expect(obs?.href).toBe('/v1/downloads/observations.csv');
    expect(obs?.bytes).toBe(readFileSync(join(CORE_DOWNLOADS, 'observations.csv')).length);
    const index = (await (await get('/v1')).json()) as { links: Record<string, string> };
    expect(index.links.downloads).toBe('/v1/downloads');
    expect(index.links['downloads.observations']).toBe('/v1/downloads/observations.csv');
    expect(index.links['downloads.cead-comuna-month.arrow']).toBe('/v1/downloads/cead-comuna-month.arrow');
    expect(index.links['downloads.cead-comuna-month.csv.gz']).toBe('/v1/downloads/cead-comuna-month.csv.gz');
  });

  it('gives each file a pinned URL, immutable for this release', async () => {
    const body = (await (await get('/v1/downloads')).json()) as { data: { name: string; pinned: string }[] };
    const csv = body.data.find((d) => d.name === 'cead-comuna-month.csv.gz');
    expect(csv?.pinned).toBe(`/v1/downloads/cead-comuna-month.csv.gz?v=${dataset.meta.version}`);
    const res = await get(csv?.pinned ?? '');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('GET /v1/downloads/{file}', () => {
  it('sends the whole table as an attachment: every observation, grades A, B and C', async () => {
    const res = await get('/v1/downloads/observations.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="mt0-observations-v${dataset.meta.version}.csv"`,
    );
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toContain('max-age=3600');
    const body = await bytes(res);
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    const rows = strictCsv(body.toString('utf8'));
    // A header row, then one row per observation of any grade.
    expect(rows.length - 1).toBe(dataset.observations.length);
  });

  it('sends the precompressed copy the client accepts, which decodes to the same bytes', async () => {
    const plain = await bytes(await get('/v1/downloads/observations.csv'));
    const br = await get('/v1/downloads/observations.csv', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBytes = await bytes(br);
    expect(brotliDecompressSync(brBytes).equals(plain)).toBe(true);
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.length);
    const gz = await get('/v1/downloads/observations.csv', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).equals(plain)).toBe(true);
    // Each coding is its own representation: its own strong ETag.
    expect(new Set([br, gz].map((r) => r.headers.get('etag'))).size).toBe(2);
  });

  it('answers If-None-Match with 304, and is immutable when pinned to the release', async () => {
    const first = await get('/v1/downloads/events.csv');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await get('/v1/downloads/events.csv', { 'If-None-Match': etag })).status).toBe(304);
    const pinned = await get(`/v1/downloads/events.csv?v=${dataset.meta.version}`);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const other = await get('/v1/downloads/events.csv?v=9.9.9');
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers HEAD with the headers only', async () => {
    const res = await get('/v1/downloads/observations.csv', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).not.toBeNull();
    expect((await bytes(res)).length).toBe(0);
  });

  it('names the files for an unknown one, and is a 404 (never a 500) where the files are missing', async () => {
    for (const name of ['nope.csv', '..%2Fpackage.json', 'observations.csv.br', '%E0%A4%A']) {
      const res = await get(`/v1/downloads/${name}`);
      expect(res.status, name).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    const unknown = (await (await get('/v1/downloads/nope.csv')).json()) as { allowed: string[] };
    expect(unknown.allowed).toContain('observations.csv');
    const nowhere = await app.request('/v1/downloads/observations.csv');
    expect(nowhere.status).toBe(404);
    expect(((await nowhere.json()) as { detail: string }).detail).toContain('pnpm build');
  });
});

describe('downloads pinned to a kept release', () => {
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  // Corrected in 0.3.0: the hotline share was dated 2020/2021 until then (packages/core/data/corrections.yaml).
  const OLD_ID = 'mt0.arrests.hotline_share:CL:2020/2021:pdi.via.insightcrime.2022';

  it("serves an older release's own files: its records, its name, immutable, the hash its list gives", async () => {
    const list = (await (await get('/v1/downloads?v=0.1.0')).json()) as {
      data: { name: string; href: string; bytes: number; sha256: string; encodings: object }[];
      meta: { datasetVersion: string };
    };
    expect(list.meta.datasetVersion).toBe('0.1.0');
    expect(list.data.map((d) => d.name)).toEqual(coreDownloads.map((d) => d.name));
    const entry = list.data.find((d) => d.name === 'observations.csv');
    expect(entry?.href).toBe('/v1/downloads/observations.csv?v=0.1.0');
    const res = await get('/v1/downloads/observations.csv?v=0.1.0', { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    // Made from the release's records, not precompressed: identity whatever the client accepts.
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="mt0-observations-v0.1.0.csv"');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = await bytes(res);
    expect([body.length, sha256(body)]).toEqual([entry?.bytes, entry?.sha256]);
    expect(res.headers.get('etag')).toBe(`"${entry?.sha256.slice(0, 32)}"`);
    const text = body.toString('utf8');
    expect(text).toContain(`\r\n${OLD_ID},`);
    expect((await bytes(await get('/v1/downloads/observations.csv'))).toString('utf8')).not.toContain(OLD_ID);
    expect(
      (
        await get('/v1/downloads/observations.csv?v=0.1.0', {
          'If-None-Match': res.headers.get('etag') ?? '',
        })
      ).status,
    ).toBe(304);
  });

  it('links a pinned list of the current release to pinned files, and an unpinned one to current files', async () => {
    type List = { data: { href: string }[] };
    const pinned = (await (await get(`/v1/downloads?v=${dataset.meta.version}`)).json()) as List;
    expect(pinned.data[0]?.href).toBe(`/v1/downloads/indicators.csv?v=${dataset.meta.version}`);
    expect(((await (await get('/v1/downloads')).json()) as List).data[0]?.href).toBe(
      '/v1/downloads/indicators.csv',
    );
  });

  it("makes the current release's files, rebuilt from its manifest, with the bytes the build wrote", async () => {
    // So that when a later release replaces it, ?v= of this one keeps serving the same files.
    const made = await releaseFiles(await rebuiltDataset(env.RELEASES, dataset.meta.version));
    expect(made.map((f) => [f.name, f.sha256, f.bytes.length])).toEqual(
      coreDownloads.map((d) => [d.name, d.sha256, d.bytes]),
    );
  });

  it('names the files for an unknown one of an older release, and refuses a release it does not hold', async () => {
    const unknown = await get('/v1/downloads/nope.csv?v=0.1.0');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { allowed: string[] }).allowed).toContain('observations.csv');
    const other = (await (await get('/v1/downloads/observations.csv?v=0.0.9')).json()) as {
      allowed: string[];
    };
    expect(other.allowed).toEqual(expect.arrayContaining(['0.1.0', '0.2.0', '0.3.0', dataset.meta.version]));
  });
});

describe('the comuna × month table as whole-table downloads', () => {
  const list = async () =>
    (
      (await (await get('/v1/downloads')).json()) as {
        data: { name: string; type: string; bytes: number; sha256: string; encodings: object }[];
      }
    ).data;

  it('sends the gzip CSV as gzip bytes: application/gzip, no Content-Encoding, whatever the client accepts', async () => {
    const entry = (await list()).find((d) => d.name === 'cead-comuna-month.csv.gz');
    expect(entry?.type).toBe('application/gzip');
    // Already compressed: no .br/.gz copies of it.
    expect(entry?.encodings).toEqual({});
    for (const ae of [undefined, 'gzip', 'gzip, deflate, br']) {
      const res = await get('/v1/downloads/cead-comuna-month.csv.gz', ae ? { 'Accept-Encoding': ae } : {});
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/gzip');
      // A Content-Encoding would make browsers and curl --compressed save the decoded CSV under a
      // .csv.gz name, of another length than the manifest says.
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="mt0-cead-comuna-month-v${dataset.meta.version}.csv.gz"`,
      );
      const body = await bytes(res);
      expect(body.length).toBe(entry?.bytes);
      expect(Number(res.headers.get('content-length'))).toBe(entry?.bytes);
      expect(createHash('sha256').update(body).digest('hex')).toBe(entry?.sha256);
    }
  });

  it('holds every row of the store, the same bytes as the CSV the API streams for the whole table', async () => {
    const file = gunzipSync(readFileSync(join(STORE_DOWNLOADS, 'cead-comuna-month.csv.gz')));
    // Without a download store (as in a Worker) the whole table is written row by row: the stream.
    const res = await app.request('/v1/observations.csv?per100k=false');
    expect(res.headers.get('content-length')).toBeNull();
    const streamed = await bytes(res);
    expect(file.equals(streamed)).toBe(true);
    // The build's plain copy beside it, which the Node server sends for that request, is the same too.
    expect(readFileSync(join(STORE_DOWNLOADS, WHOLE_TABLE_CSV)).equals(streamed)).toBe(true);
    const text = file.toString('utf8');
    // a header, then one line per row of the Arrow file (no field holds a line break: strictCsv reads
    // the first lines, and the count of CRLFs is the count of rows)
    const arrow = openStore(readFileSync(join(STORE_DOWNLOADS, 'cead-comuna-month.arrow'))).table;
    expect(text.split('\r\n').length - 2).toBe(arrow.numRows);
    // Calama (CUT 2201) in January 2019: the comuna's own row, with its provenance
    const id = 'cead.cases.drugs:CL-02201:2019-01:cead.casos_policiales.extract2026';
    const at = text.indexOf(`\r\n${id},`);
    const [calama] = strictCsv(text.slice(at + 2, text.indexOf('\r\n', at + 2) + 2));
    expect(calama?.[3]).toBe('comuna');
    expect(calama?.[15]).toBe(
      'cead_drugs_comuna_monthly.csv.gz: the row year=2019, month=1, comuna_code=2201, category=Delitos asociados a drogas',
    );
  });

  it('sends the whole-table CSV from the files the build wrote, in each coding, as the stream would', async () => {
    const plain = readFileSync(join(STORE_DOWNLOADS, WHOLE_TABLE_CSV));
    const path = '/v1/observations.csv?per100k=false';
    const name = `attachment; filename="mt0-observations-v${dataset.meta.version}.csv"`;
    const identity = await get(path);
    expect(identity.status).toBe(200);
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(identity.headers.get('content-length')).toBe(String(plain.length));
    expect(identity.headers.get('content-disposition')).toBe(name);
    expect(identity.headers.get('vary')).toBe('Accept, Accept-Encoding');
    const etag = identity.headers.get('etag') ?? '';
    expect(etag).toMatch(/-csv"$/);
    expect((await bytes(identity)).equals(plain)).toBe(true);
    for (const [ae, enc, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await get(path, { 'Accept-Encoding': ae });
      expect(res.headers.get('content-encoding')).toBe(enc);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(res.headers.get('content-disposition')).toBe(name);
      // A strong tag names one coding: the identity tag with the coding's name.
      expect(res.headers.get('etag')).toBe(`${etag.slice(0, -1)}-${enc}"`);
      const body = await bytes(res);
      expect(res.headers.get('content-length')).toBe(String(body.length));
      expect(decode(body).equals(plain)).toBe(true);
      const again = await get(path, {
        'Accept-Encoding': ae,
        'If-None-Match': res.headers.get('etag') ?? '',
      });
      expect(again.status).toBe(304);
    }
    // Pinned to this release: the same file, immutable; revalidation and HEAD as for any answer.
    const pinned = await get(`${path}&v=${dataset.meta.version}`, { 'Accept-Encoding': 'br' });
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(await bytes(pinned)).equals(plain)).toBe(true);
    expect((await get(path, { 'If-None-Match': etag })).status).toBe(304);
    const head = await get(path, {}, 'HEAD');
    expect(head.headers.get('content-length')).toBe(String(plain.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('streams any other filter, a page of the whole table, and rates, row by row (no file holds them)', async () => {
    for (const path of [
      '/v1/observations.csv?per100k=false&limit=10',
      '/v1/observations.csv?per100k=true&indicator=cead.cases.drugs&geo=CL',
      '/v1/observations.csv?per100k=false&from=2011',
      '/v1/observations.csv?resolution=month',
    ]) {
      const res = await get(path, { 'Accept-Encoding': 'br' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-length'), path).toBeNull();
      expect(res.headers.get('content-encoding'), path).toBeNull();
      await res.body?.cancel();
    }
  });

  it('sends the Arrow file as an attachment, compressed by Accept-Encoding, decoding to the listed bytes', async () => {
    const entry = (await list()).find((d) => d.name === 'cead-comuna-month.arrow');
    expect(entry?.type).toBe('application/vnd.apache.arrow.file');
    const plain = await bytes(await get('/v1/downloads/cead-comuna-month.arrow'));
    expect(plain.length).toBe(entry?.bytes);
    expect(plain.equals(readFileSync(join(STORE_DOWNLOADS, 'cead-comuna-month.arrow')))).toBe(true);
    const br = await get('/v1/downloads/cead-comuna-month.arrow', { 'Accept-Encoding': 'br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(await bytes(br)).equals(plain)).toBe(true);
    // An Arrow file, one row per cell, with the columns the store's README lists.
    const t = openStore(plain).table;
    expect(t.schema.fields.map((f) => f.name)).toEqual([
      'geo',
      'level',
      'indicator',
      'year',
      'month',
      'value',
      'vintage',
      'source',
    ]);
  });
});
