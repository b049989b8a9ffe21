// Typed client for the API: `createClient(baseUrl)` over Hono's `hc`, with the app's route types.
// Import as `@mt0/api/client`; it pulls in types only, not the server or the dataset.
import { hc } from 'hono/client';
import type { AppType } from './app.js';

export type { AppType };

/**
 * A typed client for an MT-0 API server.
 * @example const api = createClient('http://127.0.0.1:8787');
 * const res = await api.v1.observations.$get({ query: { indicator: 'cead.cases.drugs', geo: 'CL' } });
 */
export function createClient(baseUrl: string, options?: Parameters<typeof hc>[1]) {
  return hc<AppType>(baseUrl, options);
}
