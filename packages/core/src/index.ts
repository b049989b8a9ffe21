// @mt0/core: the data model (zod schemas), the qualifier policy, interval-aware metrics and Intl
// formatting. Pure and dependency-free apart from zod; never imports hono or svelte. The compiled
// records live in `@mt0/core/dataset` (typed module) and `@mt0/core/dataset.json`.
// Prefer the subpath imports (`@mt0/core/metrics`, `@mt0/core/format`) in size-sensitive bundles.
export * from './format/index.js';
export * from './metrics/index.js';
export * from './qualifiers/index.js';
export * from './schemas/index.js';
export * from './story.js';
