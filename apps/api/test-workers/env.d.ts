// The one binding the workerd tests use (the full types need @cloudflare/workers-types).
declare module 'cloudflare:test' {
  export const SELF: { fetch(input: string, init?: RequestInit): Promise<Response> };
}
