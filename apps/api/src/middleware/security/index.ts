// CORS open for reads (GET/HEAD, any origin including the `null` origin of sandboxed iframes) and
// security headers: Cross-Origin-Resource-Policy cross-origin so data can be embedded anywhere, a CSP
// that allows nothing on data responses, and a strict CSP (own stylesheet only, no scripts) on /docs.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const ALLOW_METHODS = 'GET,HEAD,OPTIONS';
const ALLOW_HEADERS = 'Accept,If-None-Match,Content-Type';
const EXPOSE_HEADERS = 'ETag,Link,Content-Disposition,Cache-Control,Vary';
const MAX_AGE = '86400';

/**
 * CORS open to every origin for reads: a preflight (OPTIONS) gets 204 with the methods and headers
 * allowed; every other answer gets `Access-Control-Allow-Origin: *` and the headers scripts may read.
 * The same headers as hono/cors with `origin: '*'`, set on the answer after it is made: hono/cors sets
 * them on `c.res` before the route runs, which makes Hono copy every route's answer into a new Response
 * (reading its body as a stream) — on Node, a 192-row page then went out as a chunked stream.
 */
export const corsOpen: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'OPTIONS')
    return new Response(null, {
      status: 204,
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': EXPOSE_HEADERS,
        'Access-Control-Max-Age': MAX_AGE,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        Vary: 'Access-Control-Request-Headers',
      },
    });
  await next();
  const headers = c.res.headers;
  headers.set('Access-Control-Allow-Origin', '*');
  headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
};

// Headers that matter for data read by scripts on other origins; the browser-page legacy ones
// (X-XSS-Protection, X-Download-Options, X-DNS-Prefetch-Control, X-Permitted-Cross-Domain-Policies,
// Origin-Agent-Cluster) are left off data responses, and X-Frame-Options is covered by CSP
// frame-ancestors. Fewer headers per response is measurable at tens of thousands of requests a second.
const base = {
  crossOriginResourcePolicy: 'cross-origin',
  crossOriginOpenerPolicy: false,
  referrerPolicy: 'no-referrer',
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  xContentTypeOptions: 'nosniff',
  xFrameOptions: false,
  xXssProtection: false,
  xDownloadOptions: false,
  xDnsPrefetchControl: false,
  xPermittedCrossDomainPolicies: false,
  originAgentCluster: false,
} as const;

/** CSP for the docs page: its own stylesheet, nothing else; no scripts at all. */
export const DOCS_CSP = {
  defaultSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

const dataHeaders = secureHeaders({
  ...base,
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
});
const docsHeaders = secureHeaders({
  ...base,
  crossOriginOpenerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
  contentSecurityPolicy: DOCS_CSP,
});

export const securityHeaders: MiddlewareHandler = (c, next) =>
  c.req.path.startsWith('/docs') ? docsHeaders(c, next) : dataHeaders(c, next);
