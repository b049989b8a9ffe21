import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { corsOpen, securityHeaders } from './index.js';

const app = new Hono();
app.use('*', corsOpen);
app.use('*', securityHeaders);
app.get('/v1/x', (c) => c.json({}));
app.get('/docs', (c) => c.html('<p>docs</p>'));
let made: Response | undefined;
app.get('/v1/made', (c) => {
  made = c.json({ rows: [1, 2, 3] });
  return made;
});
app.get('/v1/broken', () => {
  throw new Error('broken');
});
app.onError((_e, c) => c.json({ title: 'Internal error' }, 500));

describe('security headers and CORS', () => {
  it('data is readable cross-origin, including from the null origin of sandboxed iframes', async () => {
    const res = await app.request('/v1/x', { headers: { Origin: 'null' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the docs page allows its own stylesheet and nothing else', async () => {
    const csp = (await app.request('/docs')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('script-src');
    expect(csp).not.toContain('unsafe-inline');
  });

  it("a route's answer goes out as the route made it, with CORS added, not copied into a new Response", async () => {
    // hono/cors set its headers on c.res before the route ran, and Hono then copied every answer into
    // a new Response through its body stream; on Node that sent a 192-row page as a chunked stream.
    const res = await app.request('/v1/made');
    expect(res).toBe(made);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe(
      'ETag,Link,Content-Disposition,Cache-Control,Vary',
    );
    expect(await res.json()).toEqual({ rows: [1, 2, 3] });
  });

  it('an error answer carries CORS too, so a script on another origin can read the problem', async () => {
    const res = await app.request('/v1/broken');
    expect(res.status).toBe(500);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('a preflight gets 204 with the methods, headers and max-age allowed, and nothing else runs', async () => {
    const res = await app.request('/v1/made', {
      method: 'OPTIONS',
      headers: { Origin: 'https://news.example', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(res.status).toBe(204);
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    expect(headers).toEqual({
      'access-control-allow-headers': 'Accept,If-None-Match,Content-Type',
      'access-control-allow-methods': 'GET,HEAD,OPTIONS',
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'ETag,Link,Content-Disposition,Cache-Control,Vary',
      'access-control-max-age': '86400',
      vary: 'Access-Control-Request-Headers',
    });
  });
});
