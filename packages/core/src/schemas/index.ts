// The data model's zod schemas: the single source of truth for the kit's types, the build's validation
// and the API's OpenAPI document. Depends on zod only.
export * from './change.js';
export * from './common.js';
export * from './dataset.js';
export * from './event.js';
export * from './indicator.js';
export * from './interval.js';
export * from './observation.js';
export * from './period.js';
export * from './source.js';
export * from './statement.js';
