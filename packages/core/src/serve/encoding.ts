// Content codings: which precompressed or cached copy a client accepts (Accept-Encoding, RFC 9110
// §12.5.3). Brotli first when the client ranks it as high as gzip; `q=0` refuses a coding.

export type Encoding = 'br' | 'gzip';

/**
 * The best of `available` that the header accepts; `undefined` for identity.
 * @example negotiateEncoding('gzip, deflate, br', ['br', 'gzip']) // 'br'
 * @example negotiateEncoding('br;q=0, gzip', ['br', 'gzip']) // 'gzip'
 * @example negotiateEncoding(undefined, ['br']) // undefined
 */
export function negotiateEncoding(
  header: string | undefined,
  available: readonly Encoding[] = ['br', 'gzip'],
): Encoding | undefined {
  if (!header || available.length === 0) return undefined;
  let best: Encoding | undefined;
  let bestQ = 0;
  let star = -1;
  const seen = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    let q = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k === 'q') q = Number(v);
    }
    if (!Number.isFinite(q) || q < 0 || q > 1) continue;
    if (name === '*') star = q;
    else seen.set(name.trim(), q);
  }
  for (const enc of available) {
    const q = seen.get(enc) ?? Math.max(star, 0);
    if (q > bestQ) {
      best = enc;
      bestQ = q;
    }
  }
  return best;
}
