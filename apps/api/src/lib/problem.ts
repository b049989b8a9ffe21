// RFC 9457 problem details: the one shape every error of the API takes. Handlers and helpers throw a
// `ProblemError`; the problem-json middleware renders it. No stack trace or internal message ever
// reaches a response.
import type { Context } from 'hono';

/** Every problem type the API returns, with its HTTP status and title. `type` URIs point at /docs. */
export const PROBLEM_TYPES = {
  'unknown-parameter': { status: 400, title: 'Unknown query parameter' },
  'invalid-parameter': { status: 400, title: 'Invalid query parameter' },
  'ambiguous-selection': { status: 400, title: 'Selection matches more than one record' },
  'not-found': { status: 404, title: 'Not found' },
  'no-matching-record': { status: 404, title: 'No record matches the selection' },
  'version-not-available': { status: 404, title: 'Dataset version not available' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'confidence-excluded': { status: 422, title: 'Record excluded by the confidence filter' },
  'not-computable': { status: 422, title: 'Metric cannot be computed from these records' },
  'series-break': { status: 422, title: 'Comparison straddles a series break' },
  'incompatible-units': { status: 422, title: 'Inputs measured in units that do not go together' },
  'incompatible-places': { status: 422, title: 'Inputs for different places' },
  'incompatible-periods': { status: 422, title: 'Inputs for periods that are not comparable' },
  'undated-period': { status: 422, title: 'Input whose period the source does not give' },
  'internal-error': { status: 500, title: 'Internal error' },
} as const;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

/** One offending parameter and why (RFC 9457 §3's `invalid-params` example, camel-cased). */
export interface InvalidParam {
  name: string;
  reason: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  invalidParams?: InvalidParam[];
  allowed?: string[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemTypeUri = (slug: ProblemSlug) => `/docs#problem-${slug}`;

/** Echo at most this many characters of a client's value back in a message. */
const ECHO_MAX = 80;

/** A client's value, quoted and shortened for a message (never reflect megabytes back). */
export function echo(value: string): string {
  const s = value.length > ECHO_MAX ? `${value.slice(0, ECHO_MAX)}…` : value;
  return JSON.stringify(s);
}

export class ProblemError extends Error {
  readonly slug: ProblemSlug;
  readonly extra: Omit<Partial<ProblemBody>, 'type' | 'title' | 'status' | 'detail'>;
  readonly headers: Record<string, string>;
  constructor(
    slug: ProblemSlug,
    detail: string,
    extra: Omit<Partial<ProblemBody>, 'type' | 'title' | 'status' | 'detail'> = {},
    headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.slug = slug;
    this.extra = extra;
    this.headers = headers;
  }
}

/** Shortcut for the commonest problem: one parameter with a bad value. */
export function invalidParam(name: string, reason: string, allowed?: readonly string[]): ProblemError {
  return new ProblemError('invalid-parameter', `Query parameter "${name}": ${reason}.`, {
    invalidParams: [{ name, reason }],
    ...(allowed ? { allowed: [...allowed] } : {}),
  });
}

export function problemBody(
  slug: ProblemSlug,
  detail: string,
  instance: string | undefined,
  extra: Omit<Partial<ProblemBody>, 'type' | 'title' | 'status' | 'detail'> = {},
): ProblemBody {
  const { status, title } = PROBLEM_TYPES[slug];
  return { type: problemTypeUri(slug), title, status, detail, ...(instance ? { instance } : {}), ...extra };
}

/** Renders a problem as the response of `c`. */
export function problemResponse(
  c: Context,
  slug: ProblemSlug,
  detail: string,
  extra: Omit<Partial<ProblemBody>, 'type' | 'title' | 'status' | 'detail'> = {},
  headers: Record<string, string> = {},
): Response {
  const body = problemBody(slug, detail, c.req.path, extra);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
  });
}
