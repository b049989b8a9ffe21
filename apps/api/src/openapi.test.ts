import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { app } from './app.js';
import { PROBLEM_TYPES } from './lib/problem.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

interface Doc {
  openapi: string;
  security?: unknown[];
  servers: { url: string }[];
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
  components: { schemas: Record<string, unknown> };
}

async function document(): Promise<Doc> {
  return (await (await app.request('/openapi.json')).json()) as Doc;
}

describe('/openapi.json', () => {
  it('is an OpenAPI 3.1 document that @redocly/cli lint accepts with no errors or warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mt0-openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(await document()));
    const bin = join(root, 'node_modules', '.bin', 'redocly');
    let out: { stdout: string; stderr: string; code: number };
    try {
      const r = await run(
        bin,
        ['lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'stylish'],
        {
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: 'off',
            REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
            NO_COLOR: '1',
          },
        },
      );
      out = { ...r, code: 0 };
    } catch (e) {
      const err = e as { stdout: string; stderr: string; code: number };
      out = { stdout: err.stdout, stderr: err.stderr, code: err.code };
    }
    const text = `${out.stdout}\n${out.stderr}`;
    expect(text, text).toMatch(/Your API description is valid/);
    expect(out.code, text).toBe(0);
    expect(text, text).not.toMatch(/You have \d+ warnings?/);
  });

  it('documents every route the app serves, with its error responses', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(Object.keys(doc.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1')));
    const served = new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path));
    for (const path of served) expect(documented, path).toContain(path);
    for (const [path, methods] of Object.entries(doc.paths)) {
      const get = methods.get;
      expect(get?.responses['405'], path).toBeDefined();
      expect(get?.responses['500'], path).toBeDefined();
      if (path.startsWith('/v1')) {
        for (const s of ['400', '404']) expect(get?.responses[s], `${path} ${s}`).toBeDefined();
        expect(get?.responses['400']?.content?.['application/problem+json'], path).toBeDefined();
      }
      if (path.startsWith('/v1/metrics/')) {
        expect(get?.responses['422'], path).toBeDefined();
      }
    }
    for (const c of ['observations', 'changes', 'indicators', 'sources', 'statements', 'events']) {
      expect(doc.paths[`/v1/${c}`]?.get?.responses['200']?.content?.['text/csv'], c).toBeDefined();
      expect(doc.paths[`/v1/${c}.csv`], c).toBeDefined();
    }
    expect(doc.paths['/v1/downloads/{file}']?.get?.responses['200']?.content?.['text/csv']).toBeDefined();
    // Every documented operation has a 2xx: an unknown metric is the not-found handler's 404, no path.
    for (const [path, methods] of Object.entries(doc.paths))
      expect(
        Object.keys(methods.get?.responses ?? {}).some((s) => s.startsWith('2')),
        path,
      ).toBe(true);
    expect(doc.paths['/v1/metrics/{name}']).toBeUndefined();
    expect(doc.components.schemas.Observation).toBeDefined();
    expect(doc.components.schemas.Problem).toBeDefined();
  });

  it('declares the API public (security: []) and names its server from PUBLIC_ORIGIN when set', async () => {
    const doc = await document();
    expect(doc.security).toEqual([]);
    expect(doc.servers[0]?.url).toBe('http://127.0.0.1:8787');
    const pub = (await (
      await app.request('/openapi.json', {}, { PUBLIC_ORIGIN: 'https://kit.example', MT0_CACHE_MB: '0' })
    ).json()) as Doc;
    expect(pub.servers).toEqual([{ url: 'https://kit.example', description: 'This server' }]);
  });

  it('answers an unknown metric with a 404 problem listing the metrics', async () => {
    const res = await app.request('/v1/metrics/median');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { detail: string; allowed: string[] };
    expect(body.detail).toMatch(/^No metric "median"\. Metrics: change, annualized/);
    expect(body.allowed).toContain('annualized');
  });

  it('the docs page lists every path and every problem type, with no scripts', async () => {
    const html = await (await app.request('/docs')).text();
    const doc = await document();
    for (const path of Object.keys(doc.paths)) expect(html).toContain(`<code>${path}</code>`);
    for (const slug of Object.keys(PROBLEM_TYPES)) expect(html).toContain(`id="problem-${slug}"`);
    expect(html).not.toMatch(/<script|https?:\/\/cdn/i);
    const css = await app.request('/docs.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });
});
