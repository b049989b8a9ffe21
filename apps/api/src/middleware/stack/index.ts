// The middleware every answer of the API goes through, in order, with the error handler: one list for the
// whole app (src/app.ts) and for the Worker's /healthz app (src/health-app.ts), which answers before
// the rest is built and must send what the whole app would.
import type { Hono } from 'hono';
import type { AppEnv } from '../../env.js';
import { caching } from '../caching/index.js';
import { methodNotAllowedProblem, onError } from '../problem-json/index.js';
import { corsOpen, securityHeaders } from '../security/index.js';

/**
 * Adds to `base`, in this order: 405 (wrapping the 404 of a known path), CORS and security headers
 * (wrapping every answer, 304s and problems included), HTTP caching; and renders thrown errors as
 * problems. The app adds its response cache before these and the releases middleware after.
 */
export function useAnswerMiddleware<T extends Hono<AppEnv>>(base: T): T {
  base.use('*', methodNotAllowedProblem(base));
  base.use('*', corsOpen);
  base.use('*', securityHeaders);
  base.use('*', caching());
  base.onError(onError);
  return base;
}
