// Releases that stay put: the schemas of a kept release's manifest and of the corrections log, the
// content hash, the compact diff between releases, and the rebuild of any kept release's records from
// the manifests (verified against its hash). Pure (zod and Web Crypto), so the API can serve old
// releases on Node and in a Worker.
export * from './diff.js';
export * from './hash.js';
export * from './list.js';
export * from './manifest.js';
export * from './markdown.js';
export * from './schema.js';
