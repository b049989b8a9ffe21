// Every error as RFC 9457 problem+json: thrown ProblemErrors, failed zod validation (defaultHook),
// unknown paths (notFound), wrong methods (405 with Allow), and anything unexpected (a 500 that names
// no internals). Never a stack trace in a response.
import type { Hook } from '@hono/zod-openapi';
import type { ErrorHandler, Hono, MiddlewareHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { echo, type InvalidParam, ProblemError, problemResponse } from '../../lib/problem.js';

/** Renders thrown errors. ProblemErrors keep their detail; anything else is an opaque 500. */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ProblemError) return problemResponse(c, err.slug, err.message, err.extra, err.headers);
  if (err instanceof HTTPException && err.status >= 400 && err.status < 500) {
    return problemResponse(
      c,
      err.status === 404 ? 'not-found' : 'invalid-parameter',
      'The request is malformed.',
    );
  }
  // Logged for the operator, never sent: the response names no internals.
  console.error('[mt0-api] unexpected error', c.req.method, c.req.path, err);
  return problemResponse(
    c,
    'internal-error',
    'The server failed to answer this request; it has been logged.',
  );
};

/**
 * 404 for any path no route answers. `explain` may name what was meant (an unknown metric lists the
 * metrics) instead of the generic message.
 */
export function notFoundProblem(
  explain: (path: string) => ProblemError | undefined = () => undefined,
): NotFoundHandler {
  return (c) => {
    const known = explain(c.req.path);
    if (known) return problemResponse(c, known.slug, known.message, known.extra, known.headers);
    return problemResponse(
      c,
      'not-found',
      `No resource at ${echo(c.req.path)}. The API index is at /v1; the docs at /docs.`,
    );
  };
}

export const notFound: NotFoundHandler = notFoundProblem();

interface ZodIssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
}

/**
 * Validation failures of query and path parameters as a 400 naming each parameter. A parameter that
 * takes one value but was given several (`limit=1&limit=2`) gets its own message.
 */
// biome-ignore lint/suspicious/noExplicitAny: the hook serves every route, whatever its env and input types.
export const validationHook: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return;
  const data = (result as { data?: Record<string, unknown> }).data ?? {};
  const issues = (result.error as { issues: ZodIssueLike[] }).issues;
  const invalidParams: InvalidParam[] = [];
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '(query)');
    if (invalidParams.some((p) => p.name === name)) continue;
    const given = Object.hasOwn(data, name) ? data[name] : undefined;
    const reason =
      Array.isArray(given) && issue.code === 'invalid_type'
        ? 'given more than once; it takes one value'
        : given === undefined && issue.code === 'invalid_type'
          ? 'is required'
          : issue.message;
    invalidParams.push({ name, reason });
  }
  const where = (result as { target?: string }).target === 'param' ? 'Path parameter' : 'Query parameter';
  const detail = invalidParams.map((p) => `${where} "${p.name}": ${p.reason}.`).join(' ');
  return problemResponse(c, 'invalid-parameter', detail, { invalidParams }) as never;
};

/** 405 problem with `Allow` for a known path asked with a method it does not answer. */
export function methodNotAllowedProblem(app: { routes: Hono['routes'] }): MiddlewareHandler {
  return methodNotAllowed({
    app: app as Hono,
    onMethodNotAllowed: (c, methods) => {
      const allow = [...new Set([...methods, 'OPTIONS'])].join(', ');
      return problemResponse(
        c,
        'method-not-allowed',
        `${c.req.method} is not allowed on ${echo(c.req.path)}; this API is read-only (allowed: ${allow}).`,
        { allowed: allow.split(', ') },
        { Allow: allow },
      );
    },
  });
}
