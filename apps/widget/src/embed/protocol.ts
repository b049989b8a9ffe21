// The height messages an embed page sends and the parent messages it answers, as pure functions:
// pym.js (string protocol), AMP amp-iframe, WordPress oEmbed iframes, and our own for resize.js.

/** pym.js wire format: `pymxPYMx{id}xPYMx{type}xPYMx{message}`. */
export function pymMessage(id: string, type: string, message: string): string {
  return `pymxPYMx${id}xPYMx${type}xPYMx${message}`;
}

/** Reads a pym.js message addressed to `id`; `undefined` for anything else. */
export function parsePym(data: unknown, id: string): { type: string; message: string } | undefined {
  if (typeof data !== 'string') return undefined;
  const head = `pymxPYMx${id}xPYMx`;
  if (!data.startsWith(head)) return undefined;
  const rest = data.slice(head.length);
  const i = rest.indexOf('xPYMx');
  if (i <= 0 || /\s/.test(rest.slice(0, i))) return undefined;
  return { type: rest.slice(0, i), message: rest.slice(i + 5) };
}

/** AMP `amp-iframe resizable`: `{ sentinel: 'amp', type: 'embed-size', height }`. */
export const ampMessage = (height: number) => ({ sentinel: 'amp', type: 'embed-size', height });

/** WordPress `wp-embed.js`: `{ secret, message: 'height', value }`. */
export const wpMessage = (secret: string, height: number) => ({ secret, message: 'height', value: height });

/** Our own message, for dist/public/widget/resize.js. */
export const ownMessage = (height: number) => ({ mt0: 'resize', height });

/** The secret WordPress appends to an oEmbed iframe's URL as `#?secret=…`; `undefined` when absent or odd. */
export function wpSecret(hash: string): string | undefined {
  const m = /^#\?(?:.*&)?secret=([A-Za-z0-9]{1,64})(?:&|$)/.exec(hash);
  return m?.[1];
}

/** The pym child id from the page's query (`childId`); `undefined` when not embedded by pym. */
export function pymId(search: string): string | undefined {
  const id = new URLSearchParams(search).get('childId');
  return id && /^[\w.:-]{1,100}$/.test(id) ? id : undefined;
}

/** Every message to post for a height, given what the page was embedded with. */
export function heightMessages(
  height: number,
  ctx: { pym?: string | undefined; wp?: string | undefined },
): unknown[] {
  const h = Math.ceil(height);
  const out: unknown[] = [ownMessage(h), ampMessage(h)];
  if (ctx.pym) out.push(pymMessage(ctx.pym, 'height', String(h)));
  if (ctx.wp) out.push(wpMessage(ctx.wp, h));
  return out;
}
