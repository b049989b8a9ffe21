// @mt0/core/serve: what both servers (the API on Node and in Workers, the widget kit's page renderer)
// need beyond the data: a cache bounded by bytes, and content-coding negotiation. Pure; no runtime
// dependency, no node: imports.
export * from './encoding.js';
export * from './lru.js';
