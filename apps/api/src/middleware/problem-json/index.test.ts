import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../lib/problem.js';
import { methodNotAllowedProblem, notFound, onError, validationHook } from './index.js';

const app = new OpenAPIHono({ defaultHook: validationHook });
app.use('*', methodNotAllowedProblem(app));
app.onError(onError);
app.notFound(notFound);
app.openapi(
  createRoute({
    method: 'get',
    path: '/n',
    request: { query: z.object({ n: z.coerce.number().int().min(1) }) },
    responses: { 200: { description: 'ok' } },
  }),
  (c) => c.text(String(c.req.valid('query').n)) as never,
);
app.get('/problem', () => {
  throw new ProblemError('not-computable', 'Cannot.', { invalidParams: [{ name: 'x', reason: 'bad' }] });
});
app.get('/boom', () => {
  throw new Error('secret internals at /home/app/src/x.ts:12');
});

describe('problem-json', () => {
  it('validation failures name the parameter; a repeated one says so', async () => {
    const a = await app.request('/n?n=0');
    expect(a.status).toBe(400);
    expect(a.headers.get('content-type')).toBe('application/problem+json');
    expect(((await a.json()) as { invalidParams: { name: string }[] }).invalidParams[0]?.name).toBe('n');
    const b = (await (await app.request('/n?n=1&n=2')).json()) as { detail: string };
    expect(b.detail).toContain('given more than once');
    const c = (await (await app.request('/n')).json()) as { invalidParams: { reason: string }[] };
    expect(c.invalidParams[0]?.reason).toBe('is required');
  });

  it('renders a ProblemError with its status and extensions', async () => {
    const res = await app.request('/problem');
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      type: '/docs#problem-not-computable',
      title: 'Metric cannot be computed from these records',
      status: 422,
      detail: 'Cannot.',
      instance: '/problem',
      invalidParams: [{ name: 'x', reason: 'bad' }],
    });
  });

  it('hides unexpected errors behind an opaque 500 with no stack or path', async () => {
    const log = console.error;
    console.error = () => {};
    try {
      const res = await app.request('/boom');
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toContain('secret');
      expect(text).not.toContain('.ts');
    } finally {
      console.error = log;
    }
  });

  it('404 for unknown paths, 405 with Allow for known ones', async () => {
    expect((await app.request('/nope')).status).toBe(404);
    const res = await app.request('/n', { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});
