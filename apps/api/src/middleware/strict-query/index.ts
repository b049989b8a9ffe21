// Unknown query parameters are a 400 that names them and lists the allowed ones: a typo such as
// `indicatr=` must never silently return everything. Runs before zod validation.
import type { MiddlewareHandler } from 'hono';
import { echo, ProblemError } from '../../lib/problem.js';

/** Most query parameters a request may carry (a guard against hostile input). */
const MAX_PARAMS = 64;

/** A route middleware accepting only `allowed` query parameter names. */
export function strictQuery(allowed: readonly string[]): MiddlewareHandler {
  const set = new Set(allowed);
  const list = [...allowed].sort();
  return async (c, next) => {
    const url = c.req.url;
    if (url.indexOf('?') !== -1) {
      const names = Object.keys(c.req.queries());
      const unknown = names.filter((n) => !set.has(n));
      if (unknown.length > 0) {
        throw new ProblemError(
          'unknown-parameter',
          `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 10).map(echo).join(', ')}. Allowed here: ${list.join(', ') || '(none)'}.`,
          {
            invalidParams: unknown
              .slice(0, 10)
              .map((name) => ({ name: name.slice(0, 80), reason: 'unknown parameter' })),
            allowed: list,
          },
        );
      }
      if (names.length > MAX_PARAMS) {
        throw new ProblemError('invalid-parameter', `Too many query parameters (${names.length}).`);
      }
    }
    await next();
  };
}
