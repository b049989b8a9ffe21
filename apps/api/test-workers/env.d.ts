// The bindings the workerd tests use (the full types need @cloudflare/workers-types).
declare module 'cloudflare:test' {
  export const SELF: { fetch(input: string, init?: RequestInit): Promise<Response> };
  export const env: {
    ASSETS: { fetch(request: Request): Promise<Response> };
    MT0_CACHE_MB: string;
  };
  export function createExecutionContext(): unknown;
}

/** workerd's streaming digest (a WritableStream whose `digest` settles when the stream closes). */
interface Crypto {
  DigestStream: new (algorithm: 'SHA-256') => WritableStream<Uint8Array> & { digest: Promise<ArrayBuffer> };
}
