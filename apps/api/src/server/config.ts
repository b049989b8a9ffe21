// The Node server's settings, from its environment, checked once at start: a bad value stops the
// server with a message naming the variable, never a silent default.
import { parseCacheMb } from '../middleware/response-cache/index.js';

export interface ServerConfig {
  port: number;
  host: string;
  /** `https://kit.example`: every link, CSP and oEmbed answer uses it, whatever the Host header says. */
  publicOrigin: string | undefined;
  /** Believe X-Forwarded-Proto and X-Forwarded-Host (only behind a proxy you run). */
  trustProxy: boolean;
  /** Bound of the response cache, in bytes (0: off). */
  cacheBytes: number;
}

export const DEFAULT_CACHE_MB = 64;

/**
 * `https://kit.example` (scheme and host, optional port; no path, query or credentials), without a
 * trailing slash; `undefined` when the text is not such an origin.
 * @example parseOrigin('https://kit.example/') // 'https://kit.example'
 * @example parseOrigin('https://kit.example/app') // undefined
 */
export function parseOrigin(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== ''))
    return undefined;
  if (!/^[^/]*\/\/[^/]+\/?$/.test(text.trim())) return undefined;
  return url.origin;
}

/** Reads the settings; `{ error }` names the first bad variable. */
export function readConfig(env: Record<string, string | undefined>): ServerConfig | { error: string } {
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return { error: `PORT must be a port number (0–65535), got ${JSON.stringify(env.PORT)}` };
  let publicOrigin: string | undefined;
  if (env.PUBLIC_ORIGIN !== undefined && env.PUBLIC_ORIGIN !== '') {
    publicOrigin = parseOrigin(env.PUBLIC_ORIGIN);
    if (!publicOrigin)
      return {
        error: `PUBLIC_ORIGIN must be an origin such as https://kit.example (scheme and host, no path), got ${JSON.stringify(env.PUBLIC_ORIGIN)}`,
      };
  }
  const trust = env.TRUST_PROXY ?? '';
  if (!['', '0', '1', 'false', 'true'].includes(trust))
    return { error: `TRUST_PROXY must be 1 (believe X-Forwarded-*) or 0, got ${JSON.stringify(trust)}` };
  const mb = env.MT0_CACHE_MB;
  const cacheBytes =
    mb === undefined || mb === '' ? parseCacheMb(String(DEFAULT_CACHE_MB)) : parseCacheMb(mb);
  if (cacheBytes === undefined)
    return { error: `MT0_CACHE_MB must be a size in MiB (0 turns the cache off), got ${JSON.stringify(mb)}` };
  return {
    port,
    host: env.HOST || '127.0.0.1',
    publicOrigin,
    trustProxy: trust === '1' || trust === 'true',
    cacheBytes,
  };
}
