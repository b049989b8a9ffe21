// Request targets as the API compares them: the path and query of a URL, and the query with its
// parameters in a canonical order (the response cache's key, and every self and next link).

/**
 * `path?query` with the parameters in a canonical order: sorted by name, stably, so the values of a
 * repeated parameter keep their order (`changes=a&changes=b` is not `changes=b&changes=a`). Raw text:
 * nothing is decoded or re-encoded.
 * @example canonicalPathAndQuery('/v1/observations?indicator=x&geo=CL') // '/v1/observations?geo=CL&indicator=x'
 */
export function canonicalPathAndQuery(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  if (q === -1) return pathAndQuery;
  const amp = pathAndQuery.indexOf('&', q + 1);
  if (amp === -1) return pathAndQuery;
  // Two parameters (the common case on a hot path): compare their names, no arrays.
  if (pathAndQuery.indexOf('&', amp + 1) === -1) {
    const a = pathAndQuery.slice(q + 1, amp);
    const b = pathAndQuery.slice(amp + 1);
    return nameOf(a) <= nameOf(b) ? pathAndQuery : `${pathAndQuery.slice(0, q + 1)}${b}&${a}`;
  }
  const parts = pathAndQuery.slice(q + 1).split('&');
  let sorted = true;
  for (let i = 1; i < parts.length; i++)
    if (nameOf(parts[i - 1] as string) > nameOf(parts[i] as string)) sorted = false;
  if (sorted) return pathAndQuery;
  const keyed = parts.map((p, i) => [nameOf(p), i, p] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return `${pathAndQuery.slice(0, q)}?${keyed.map((k) => k[2]).join('&')}`;
}

function nameOf(param: string): string {
  const eq = param.indexOf('=');
  return eq === -1 ? param : param.slice(0, eq);
}

/** Path and query of a request target (`/p?q`, or an absolute `http://h/p?q` → `/p?q`). */
export function pathAndQuery(url: string): string {
  if (url.charCodeAt(0) === 47 /* / */) return url;
  const i = url.indexOf('/', url.indexOf('//') + 2);
  return i === -1 ? '/' : url.slice(i);
}
