import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { corsOpen, securityHeaders } from './index.js';

const app = new Hono();
app.use('*', corsOpen);
app.use('*', securityHeaders);
app.get('/v1/x', (c) => c.json({}));
app.get('/docs', (c) => c.html('<p>docs</p>'));

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
});
