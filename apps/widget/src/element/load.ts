// Fetches one view's data from the kit server (`{api}/embed/{view}.json?…`, computed there from the
// dataset by @mt0/core), with a timeout, and checks it before it is drawn. Never throws: a failure is a
// value, and the widget then falls back to its snapshot.
import type { Params } from '../lib/types.js';
import { type ViewData, viewKey } from '../lib/viewdata.js';

/**
 * `empty`: the server has no data for this (valid) selection (its 404), which readers are told in words;
 * `release`: it does not hold the release the widget is pinned to (its 404 "Unknown release").
 */
export type LoadResult =
  | { ok: true; data: ViewData }
  | { ok: false; reason: string; empty?: true; release?: true };

type Fetch = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<Response>;

/** The URL of a view's data on the kit server. */
export function dataUrl(api: string, p: Params): string {
  return `${api.replace(/\/+$/, '')}/embed/${viewKey(p).replace('?', '.json?')}`;
}

export async function load(api: string, p: Params, f: Fetch, timeoutMs = 4000): Promise<LoadResult> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  const url = dataUrl(api, p);
  try {
    // The checker is a chunk of its own, fetched in parallel with the data it checks (only live data needs it).
    const [res, { checkViewData }] = await Promise.all([
      f(url, { signal: ctrl.signal, headers: { accept: 'application/json' } }),
      import('../lib/check.js'),
    ]);
    if (!res.ok) {
      const why = res.status === 404 ? await res.json().catch(() => ({})) : {};
      return {
        ok: false,
        reason: `${res.status} from ${url}${why.detail ? `: ${why.detail}` : ''}`,
        ...(why.title === 'Unknown release' ? { release: true } : res.status === 404 ? { empty: true } : {}),
      };
    }
    const data = checkViewData(await res.json(), p);
    return data ? { ok: true, data } : { ok: false, reason: `invalid data from ${url}` };
  } catch (e) {
    return {
      ok: false,
      reason: ctrl.signal.aborted ? `timed out after ${timeoutMs} ms` : String((e as Error)?.message ?? e),
    };
  } finally {
    clearTimeout(timer);
  }
}
