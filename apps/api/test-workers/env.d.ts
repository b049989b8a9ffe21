// The bindings the workerd tests use (the full types need @cloudflare/workers-types).
declare module 'cloudflare:test' {
  export const SELF: { fetch(input: string, init?: RequestInit): Promise<Response> };
  export const env: {
    ASSETS: { fetch(request: Request): Promise<Response> };
    MT0_CACHE_MB: string;
  };
  export function createExecutionContext(): unknown;
}
