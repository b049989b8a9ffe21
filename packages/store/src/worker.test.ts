// The same file and reader in a Cloudflare Worker (workerd, through miniflare): the bundled reader
// (dist/reader.js) opens dist/cead.arrow imported as a binary Data module, and answers as on Node.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './read.js';

const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));
const WORKER = `
import { openStore } from './reader.js';
import bytes from './cead.arrow';
const store = openStore(new Uint8Array(bytes));
export default {
  async fetch(request) {
    const q = new URL(request.url).searchParams;
    const series = store.series(q.get('geo'), q.get('indicator'), { resolution: q.get('resolution') ?? undefined });
    return Response.json({ userAgent: navigator.userAgent, rows: store.table.numRows, series });
  },
};`;

let mf: Miniflare;
beforeAll(() => {
  mf = new Miniflare({
    modules: [
      { type: 'ESModule', path: 'worker.js', contents: WORKER },
      { type: 'ESModule', path: 'reader.js', contents: readFileSync(dist('reader.js'), 'utf8') },
      { type: 'Data', path: 'cead.arrow', contents: readFileSync(dist('cead.arrow')) },
    ],
    compatibilityDate: '2026-04-01',
    cf: false,
  });
});
afterAll(() => mf?.dispose());

describe('the store in a Worker', () => {
  it("gives Calama's yearly microtrafficking cases with population exactly as on Node", async () => {
    const res = await mf.dispatchFetch(
      'http://store.test/?geo=CL-02201&indicator=cead.cases.microtrafficking&resolution=year',
    );
    const body = (await res.json()) as { userAgent: string; rows: number; series: unknown };
    const node = openStore(readFileSync(dist('cead.arrow')));
    expect(body.userAgent).toBe('Cloudflare-Workers');
    expect(body.rows).toBe(node.table.numRows);
    expect(body.series).toEqual(
      node.series('CL-02201', 'cead.cases.microtrafficking', { resolution: 'year' }),
    );
  }, 60_000);
});
