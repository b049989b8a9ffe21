// The content hash of a release: sha256 of the canonical JSON of its records (keys sorted at every level,
// arrays in order). Web Crypto, so the same function runs in Node, a Worker and a browser.

/**
 * JSON with the keys of every object sorted, so that a hash does not depend on key order.
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * sha256 (hex) of the canonical JSON of `records`: the dataset's content hash.
 * @example (await contentHash({ geos: [] })).slice(0, 12) // '28ede275110d' (the first 12 of 64 hex digits)
 */
export async function contentHash(records: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(records));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
